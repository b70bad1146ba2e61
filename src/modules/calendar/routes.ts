import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { calendarAddWorkingDays, calendarDays, calendarReminder, importYear, listCalendarYears } from './service.js';
import { CALENDAR_XLSX_LIMITS, readYearFromXlsx, yearTemplateXlsx } from './spreadsheet.js';
import { calendarDaysSchema, calendarImportSchema, calendarReminderSchema, calendarYearsSchema, workingDaySchema } from '../../domain/contract/calendar.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_MISSING = '请选择要导入的 .json 或 .xlsx 文件。';

/** An uploaded year file (multipart): .xlsx read through the size-limited reader, anything else as JSON. */
async function uploadedYearFile(request: FastifyRequest): Promise<unknown> {
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: CALENDAR_XLSX_LIMITS.maxBytes, files: 1 } })) {
      if (part.type === 'file') file = { name: part.filename, content: await part.toBuffer() };
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) {
      throw new DomainError('CALENDAR_FILE_TOO_LARGE', '文件超过 1 MB，不像是一年的节假日安排。请下载模板重新填写后导入。', undefined, 413);
    }
    throw new DomainError('IMPORT_UPLOAD_INCOMPLETE', '文件没有完整上传，请检查网络后重新选择文件上传。', undefined, 400);
  }
  if (!file) throw new DomainError('IMPORT_FILE_MISSING', FILE_MISSING, undefined, 400);
  if (/\.xlsx$/i.test(file.name)) return readYearFromXlsx(file.content);
  try {
    return JSON.parse(file.content.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new DomainError('CALENDAR_FILE_UNREADABLE', `文件“${file.name}”不是有效的 JSON 或 Excel（.xlsx）文件，请检查后重新导入。`);
  }
}

const isoDate = z.string().refine(isIsoDate, '日期请按 YYYY-MM-DD 格式填写一个真实存在的日期，如 2026-10-09');

const addQuery = z.object({
  from: isoDate,
  days: z.coerce.number({ error: '工作日天数须为整数' }).int('工作日天数须为整数').min(0, '工作日天数不能为负数').max(366, '工作日天数不能超过 366'),
});
const daysQuery = z.object({ year: z.coerce.number().int('年份须为整数').min(2000, '年份不正确').max(2100, '年份不正确') });

export function calendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工作日历'];
  r.get(
    '/api/calendar/add-working-days',
    { schema: { tags, summary: '第 N 个工作日（起始日不计入）', querystring: addQuery, response: { 200: workingDaySchema } } },
    (request) => calendarAddWorkingDays(ctx, request.query.from, request.query.days),
  );
  r.get('/api/calendar/days', { schema: { tags, summary: '全年每一天是否工作日', querystring: daysQuery, response: { 200: calendarDaysSchema } } }, (request) =>
    calendarDays(ctx, request.query.year),
  );
  r.get('/api/calendar/years', { schema: { tags, summary: '已导入的年度安排', response: { 200: calendarYearsSchema } } }, async () => ({
    years: await listCalendarYears(ctx),
  }));
  r.post(
    '/api/calendar/years',
    { schema: { tags, summary: '导入年度节假日安排（JSON，或以 multipart 上传 .json / .xlsx 文件；在办办件期限随即重新计算）', body: z.unknown(), response: { 201: calendarImportSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'calendar.manage');
      const file = request.isMultipart() ? await uploadedYearFile(request) : request.body;
      return reply.code(201).send(await importYear(ctx.database.db, file, { userId: actor.userId, at: ctx.clock(), ip: actor.ip }));
    },
  );
  r.get('/api/calendar/template.xlsx', { schema: { tags, summary: '年度节假日安排导入模板（Excel）' } }, async (request, reply) => {
    requirePermission(request, 'calendar.manage');
    const year = Number(localDate(ctx.clock(), ctx.config.timeZone).slice(0, 4)) + 1;
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${year}年节假日安排导入模板.xlsx`)}`)
      .send(await yearTemplateXlsx(year));
  });
  r.get('/api/calendar/reminder', { schema: { tags, summary: '下一年度节假日安排导入提醒（系统管理员）', response: { 200: calendarReminderSchema } } }, (request) => {
    requirePermission(request, 'calendar.manage');
    return calendarReminder(ctx);
  });
}
