import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/calendar.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { calendarAddWorkingDays, calendarDays, importYear, listCalendarYears } from './service.js';

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
    { schema: { tags, summary: '第 N 个工作日（起始日不计入）', querystring: addQuery } },
    (request) => calendarAddWorkingDays(ctx, request.query.from, request.query.days),
  );
  r.get('/api/calendar/days', { schema: { tags, summary: '全年每一天是否工作日', querystring: daysQuery } }, (request) =>
    calendarDays(ctx, request.query.year),
  );
  r.get('/api/calendar/years', { schema: { tags, summary: '已导入的年度安排' } }, async () => ({
    years: await listCalendarYears(ctx),
  }));
  r.post('/api/calendar/years', { schema: { tags, summary: '导入年度节假日安排（JSON）', body: z.unknown() } }, async (request, reply) => {
    const actor = requirePermission(request, 'calendar.manage');
    return reply.code(201).send(await importYear(ctx.database.db, request.body, { userId: actor.userId, at: ctx.clock() }));
  });
}
