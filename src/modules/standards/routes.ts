/**
 * 标准化建设 (issue 13 §4): /api/standards/* — checklists (the system administrator saves new versions), a center's
 * yearly round (self-assessment with photos, submit; the county inspects, scores and sets rectification deadlines;
 * the center records rectification with photos, the county confirms or sends back) and the table of every center's
 * latest scores (+ .xlsx). Routes only translate: zod validates, the permission is checked, one use case runs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localDate } from '../../domain/calendar/office-hours.js';
import { sizeText } from '../../domain/files/content-type.js';
import { DomainError } from '../../domain/errors.js';
import { CHECKLIST_LEVELS, ITEM_KINDS, STANDARDS_PHOTO_LIMITS } from '../../domain/standards/checklist.js';
import { noContent } from '../../domain/contract/common.js';
import { centerStandardsSchema, checklistListSchema, checklistSchema, roundSchema, standardsTableSchema } from '../../domain/standards/contract.js';
import { freeText, nameText, pickedId } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { listChecklists, saveChecklistVersion } from './checklists.js';
import { addPhoto, photoBytes, removePhoto } from './photos.js';
import { answerItem, centerStandards, gapAction, getRound, inspectRound, returnRound, startRound, submitRound } from './rounds.js';
import { standardsTable, standardsWorkbook } from './table.js';

const id = z.string().min(1).max(100);
const idParams = z.object({ id });
const expectedVersion = z.number({ error: '缺少 expectedVersion（记录的版本号），请刷新页面后重试。' }).int().min(1);
const day = z.string({ error: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期须是 YYYY-MM-DD 格式' });
const year = z.coerce.number({ error: '年度须是四位数字，如 2026' }).int().min(2000, { error: '年度须是四位数字，如 2026' }).max(2100, { error: '年度须是四位数字，如 2026' });
const points = z.number({ error: '分值须是数字' }).min(0, { error: '分值不能小于 0' }).max(100, { error: '分值不能超过 100' });

const checklistItemInput = z.object({
  code: z.string({ error: '请填写检查项编号' }).trim().min(1, { error: '请填写检查项编号' }).max(40, { error: '检查项编号不能超过 40 个字符' }),
  group: nameText('检查项所属类别', 30),
  title: nameText('检查项名称', 60),
  requirement: freeText('检查标准', 300, { required: true }),
  points: points.refine((n) => n > 0, { error: '分值须大于 0' }),
  kind: z.enum(ITEM_KINDS, { error: '检查方式须是“是否达标”“填写数值”或“标识牌名称”之一' }),
  min: z.number({ error: '标准值须是数字' }).positive({ error: '标准值须大于 0' }).nullable().optional(),
  unit: freeText('单位', 10).nullable().optional(),
});

const MISSING_PHOTO = '请选择要上传的现场照片（JPEG 或 PNG 图片）。';

/** The one photo of a multipart request, read only up to the limit (@fastify/multipart cuts a larger one off). */
async function uploadedPhoto(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string | null }> {
  if (!request.isMultipart()) throw new DomainError('FILE_MISSING', MISSING_PHOTO, undefined, 400);
  const { maxBytes, purpose } = STANDARDS_PHOTO_LIMITS;
  let file: { bytes: Buffer; fileName: string | null } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })) {
      if (part.type === 'file') file = { bytes: await part.toBuffer(), fileName: part.filename || null };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('FILE_TOO_LARGE', `${purpose}不能超过 ${sizeText(maxBytes)}，请压缩或缩小后重新上传。`, { maxBytes }, 413);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new DomainError('FILE_TOO_MANY', '一次只能上传一张照片，请逐张上传。', undefined, 413);
    }
    throw new DomainError('UPLOAD_INCOMPLETE', '照片没有完整上传，请检查网络后重新选择照片上传。', undefined, 400);
  }
  if (!file) throw new DomainError('FILE_MISSING', MISSING_PHOTO, undefined, 400);
  return file;
}

export function standardsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['标准化建设'];

  r.get(
    '/api/standards/checklists',
    { schema: { tags, summary: '标准化建设检查表（各类中心的最新版本；history=1 含历次版本）', querystring: z.object({ history: z.enum(['0', '1']).optional() }), response: { 200: checklistListSchema } } },
    (request) => {
      requirePermission(request, 'standards.view');
      return listChecklists(ctx, request.query.history === '1');
    },
  );
  r.put(
    '/api/standards/checklists/:level',
    {
      schema: {
        tags,
        summary: '保存检查表的新版本（各项分值合计须为 100；已开始的自评仍按原版本；expectedVersion 为当前最新版本号，过期返回 409）',
        params: z.object({ level: z.enum(CHECKLIST_LEVELS, { error: '检查表类别须是 village 或 township' }) }),
        body: z.object({
          title: nameText('检查表名称', 60),
          items: z.array(checklistItemInput).min(1, { error: '检查表至少要有一项' }).max(60, { error: '检查表最多 60 项' }),
          reason: freeText('修改原因', 200, { required: true }),
          expectedVersion,
        }),
        response: { 200: checklistSchema },
      },
    },
    (request) => saveChecklistVersion(ctx, requirePermission(request, 'standards.checklists'), request.params.level, request.body),
  );

  r.get(
    '/api/standards/table',
    { schema: { tags, summary: '各中心标准化建设情况表：最近一轮（或某年）的自评、检查得分，未完成和逾期的整改项', querystring: z.object({ year: year.optional() }), response: { 200: standardsTableSchema } } },
    (request) => standardsTable(ctx, requirePermission(request, 'standards.view'), request.query.year ?? null),
  );
  r.get('/api/standards/table.xlsx', { schema: { tags, summary: '导出各中心标准化建设情况表（Excel）', querystring: z.object({ year: year.optional() }) } }, async (request, reply) => {
    const actor = requirePermission(request, 'standards.view');
    const table = await standardsTable(ctx, actor, request.query.year ?? null);
    const book = await standardsWorkbook(table, actor.name);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`标准化建设情况表-${table.year ?? localDate(ctx.clock(), ctx.config.timeZone).slice(0, 4)}.xlsx`)}`)
      .send(book);
  });

  r.get(
    '/api/standards/centers/:orgId',
    { schema: { tags, summary: '某中心历年的标准化建设自评和检查', params: z.object({ orgId: id }), response: { 200: centerStandardsSchema } } },
    (request) => centerStandards(ctx, requirePermission(request, 'standards.view'), request.params.orgId),
  );
  r.post(
    '/api/standards/rounds',
    {
      schema: {
        tags,
        summary: '开始本中心某年度的标准化建设自评（默认今年；已有的直接返回，每个中心每年一轮）',
        body: z.object({ orgId: pickedId('中心'), year: year.optional() }),
        response: { 200: roundSchema, 201: roundSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'standards.self');
      const done = await startRound(ctx, actor, request.body.orgId, request.body.year);
      return reply.code(done.created ? 201 : 200).send(await getRound(ctx, actor, done.id));
    },
  );
  r.get('/api/standards/rounds/:id', { schema: { tags, summary: '一轮标准化建设：各项自评、检查评分、照片、整改项和过程记录', params: idParams, response: { 200: roundSchema } } }, (request) =>
    getRound(ctx, requirePermission(request, 'standards.view'), request.params.id),
  );
  r.put(
    '/api/standards/rounds/:id/items/:code',
    {
      schema: {
        tags,
        summary: '填写一项自评（是否达标 met、数值 value 或标识牌文字 text，备注 note；得分按检查标准自动计算）',
        params: z.object({ id, code: z.string().min(1).max(40) }),
        body: z.object({
          met: z.boolean({ error: '是否达标请选择“达标”或“不达标”' }).nullable().optional(),
          value: z.number({ error: '请填写数字' }).nullable().optional(),
          text: freeText('标识牌文字', 60).nullable().optional(),
          note: freeText('备注', 500).nullable().optional(),
          expectedVersion,
        }),
        response: { 200: roundSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'standards.self');
      await answerItem(ctx, actor, request.params.id, request.params.code, request.body);
      return getRound(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/standards/rounds/:id/submit',
    { schema: { tags, summary: '提交自评（每项都填写后才能提交），等待县级检查', params: idParams, body: z.object({ expectedVersion }), response: { 200: roundSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'standards.self');
      await submitRound(ctx, actor, request.params.id, request.body.expectedVersion);
      return getRound(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/standards/rounds/:id/return',
    { schema: { tags, summary: '县级退回自评（写明原因，中心修改后重新提交）', params: idParams, body: z.object({ reason: freeText('退回原因', 500, { required: true }), expectedVersion }), response: { 200: roundSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'standards.inspect');
      await returnRound(ctx, actor, request.params.id, request.body);
      return getRound(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/standards/rounds/:id/inspect',
    {
      schema: {
        tags,
        summary: '县级检查评分：每项 0 到该项分值；未得满分的项须写明问题，成为整改项（期限：dueDate，或检查日后 rectifyWorkingDays 个工作日，默认 20）',
        params: idParams,
        body: z.object({
          expectedVersion,
          inspectedOn: day.optional(),
          rectifyWorkingDays: z.number({ error: '整改期限须是工作日天数' }).int().min(1, { error: '整改期限至少 1 个工作日' }).max(120, { error: '整改期限不能超过 120 个工作日' }).optional(),
          items: z
            .array(
              z.object({
                code: z.string().min(1).max(40),
                score: points,
                value: z.number({ error: '实测数值须是数字' }).min(0).nullable().optional(),
                note: freeText('存在问题', 500).nullable().optional(),
                dueDate: day.nullable().optional(),
              }),
            )
            .min(1, { error: '请逐项评分' })
            .max(60),
        }),
        response: { 200: roundSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'standards.inspect');
      await inspectRound(ctx, actor, request.params.id, request.body);
      return getRound(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/standards/rounds/:id/photos',
    {
      schema: {
        tags,
        summary: '上传现场照片（multipart，一张 JPEG 或 PNG，不超过 8 MB）：自评时 itemCode 指明检查项，整改时 gapId 指明整改项；同一张照片重复上传只保存一次',
        params: idParams,
        querystring: z.object({ itemCode: z.string().min(1).max(40).optional(), gapId: id.optional() }),
        response: { 200: roundSchema, 201: roundSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'standards.self');
      if (!request.query.itemCode && !request.query.gapId) throw new DomainError('VALIDATION_FAILED', '请指明照片属于哪个检查项（itemCode）或整改项（gapId）。', undefined, 400);
      const upload = await uploadedPhoto(request);
      const done = await addPhoto(ctx, actor, request.params.id, request.query, upload);
      return reply.code(done.created ? 201 : 200).send(await getRound(ctx, actor, request.params.id));
    },
  );
  r.delete('/api/standards/photos/:id', { schema: { tags, summary: '删除一张现场照片（自评提交前，或整改确认前）', params: idParams, response: { 204: noContent } } }, async (request, reply) => {
    await removePhoto(ctx, requirePermission(request, 'standards.self'), request.params.id);
    return reply.code(204).send(null);
  });
  r.get('/api/standards/photos/:id', { schema: { tags, summary: '现场照片（能查看该中心标准化建设情况的人员）', params: idParams } }, async (request, reply) => {
    const photo = await photoBytes(ctx, requirePermission(request, 'standards.view'), request.params.id);
    return reply
      .type(photo.type)
      .header('etag', `"${photo.hash}"`)
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', 'inline')
      .send(photo.bytes);
  });

  const gapBody = z.object({ expectedVersion, note: freeText('整改情况', 1000).optional(), reason: freeText('退回原因', 500).optional() });
  for (const action of ['rectify', 'confirm', 'reopen'] as const) {
    const summary = {
      rectify: '登记整改情况（须先上传整改后的现场照片，note 写明整改情况）',
      confirm: '县级确认整改（最后一项确认后本轮检查完成）',
      reopen: '县级退回整改（reason 写明原因）',
    }[action];
    r.post(`/api/standards/gaps/:id/${action}`, { schema: { tags, summary, params: idParams, body: gapBody, response: { 200: roundSchema } } }, async (request) => {
      const actor = requirePermission(request, action === 'rectify' ? 'standards.self' : 'standards.inspect');
      const roundId = await gapAction(ctx, actor, request.params.id, action, request.body);
      return getRound(ctx, actor, roundId);
    });
  }
}
