import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPLICATION_STATUSES, TEXT_LIMITS } from '../../domain/applications/application.js';
import { applicationDetailSchema, applicationListSchema, applyFormSchema, casePromisesSchema, materialsOnFileSchema } from '../../domain/contract/applications.js';
import { PROMISE_RESULTS } from '../../domain/applications/promises.js';
import { applicantPaperListSchema, applicantPrintedPaperSchema } from '../../domain/contract/papers.js';
import { DomainError } from '../../domain/errors.js';
import { freeText } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { APPLICANT_COOKIE, resolveApplicant } from '../applicants/session.js';
import { progressSchema } from '../../domain/contract/progress.js';
import { idempotencyHeaders, objectionAnswerBody, refusalReviewBody } from '../cases/schema.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemByCode } from '../catalog/repo.js';
import { myCasePaper, myCasePapers, myCases } from './my-cases.js';
import { casePromises, checkPromise } from './promise-checks.js';
import { applyForm, centerApplication, centerApplicationFile, centerApplications, materialsOnFile, myApplication, myApplicationFile, myApplications, REFUSAL_VIEWS } from './queries.js';
import { answerApplicationObjection, reviewApplicationRefusal } from './refusal-review.js';
import { resubmitApplication, reviewApplication, withdrawApplication, type ReviewCommand } from './step.js';
import { submitApplication, type UploadedMaterial } from './submit.js';
import { readApplicationParts, type MultipartBody } from './uploads.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const fileParams = idParams.extend({ fileId: z.string().min(1).max(64) });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });
const version = z.number({ error: '请带上 expectedVersion（申请当前版本号）' }).int().positive();
const missingSchema = z.object({ material: freeText('材料名称', 100, { required: true }), reason: freeText('补正原因', TEXT_LIMITS.reason) });
const reviewBodies = {
  accept: z.object({
    expectedVersion: version,
    note: freeText('预审意见', TEXT_LIMITS.note).optional(),
    validity: z.array(z.object({ material: z.string().max(100), validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '有效期请按 YYYY-MM-DD 填写').nullable() })).max(100).optional(),
  }),
  'notify-supplement': z.object({ expectedVersion: version, missing: z.array(missingSchema).max(100), note: freeText('告知说明', TEXT_LIMITS.note).optional() }),
  return: z.object({ expectedVersion: version, reason: freeText('退回理由', TEXT_LIMITS.reason), basis: freeText('退回依据', TEXT_LIMITS.basis) }),
};
const actionParams = idParams.extend({ action: z.enum(['accept', 'notify-supplement', 'return'], { error: '预审只能“通过并受理”“一次性告知补正”或“退回”' }) });

/** The uploads of a multipart body matched to the item's materials by their place in its list. */
async function uploadsOf(ctx: AppContext, itemCode: string, body: MultipartBody): Promise<UploadedMaterial[]> {
  const row = await findItemByCode(ctx.database.db, itemCode);
  const materials = row ? presentItem(row).materials : [];
  return body.files.map((f) => {
    const m = materials[f.index];
    if (!m) throw new DomainError('APPLICATION_MATERIAL_UNKNOWN', `材料序号 ${f.index} 不在该事项的材料清单中，请刷新页面后重新上传。`, undefined, 400);
    return { materialName: m.name, bytes: f.bytes, fileName: f.fileName };
  });
}

/** `promised`: the materials promised under 告知承诺, by their place in the item's list ("1,3"), like material-<n>. */
async function promisedOf(ctx: AppContext, itemCode: string, body: MultipartBody): Promise<string[]> {
  const text = body.fields.promised?.trim();
  if (!text) return [];
  const row = await findItemByCode(ctx.database.db, itemCode);
  const materials = row ? presentItem(row).materials : [];
  return text.split(/[,，\s]+/).filter(Boolean).map((n) => {
    const m = /^\d{1,3}$/.test(n) ? materials[Number(n)] : undefined;
    if (!m) throw new DomainError('APPLICATION_MATERIAL_UNKNOWN', `承诺提供的材料序号 ${n} 不在该事项的材料清单中，请刷新页面后重新提交。`, undefined, 400);
    return m.name;
  });
}

const field = (body: MultipartBody, name: string, label: string) => {
  const value = body.fields[name]?.trim();
  if (!value) throw new DomainError('VALIDATION_FAILED', `请填写${label}。`, { errors: [{ path: name, message: `请填写${label}` }] }, 400);
  return value;
};
const versionField = (body: MultipartBody) => {
  const n = Number(field(body, 'expectedVersion', '申请当前版本号（expectedVersion）'));
  if (!Number.isInteger(n) || n < 1) throw new DomainError('VALIDATION_FAILED', 'expectedVersion 应为正整数。', undefined, 400);
  return n;
};

function sendFile(reply: FastifyReply, file: { bytes: Buffer; type: string; hash: string }) {
  // a material is personal data: never kept by a shared cache, shown inline (images, PDF) in the browser
  return reply.type(file.type).header('cache-control', 'private, no-store').header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(file.bytes);
}

export function applicationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicTags = ['网上申请'];
  const staffTags = ['网上申请预审'];
  const applicant = (request: FastifyRequest) => resolveApplicant(ctx, request.cookies[APPLICANT_COOKIE]);

  r.get('/api/public/items/:code/apply', { schema: { tags: publicTags, summary: '网上申请表：可选的中心和材料清单（登录后标出已存档、不必再交的材料）', params: z.object({ code: z.string().min(1).max(40) }), response: { 200: applyFormSchema } } }, async (request) => {
    const who = request.cookies[APPLICANT_COOKIE] ? await applicant(request).catch(() => null) : null;
    return applyForm(ctx, who, request.params.code);
  });

  r.post(
    '/api/public/applications',
    {
      schema: { tags: publicTags, summary: '提交网上申请（multipart：itemCode、orgId、description、address，材料文件 material-序号，告知承诺的材料序号 promised（如 1,3）；需 Idempotency-Key）', headers: idempotencyHeaders, response: { 200: applicationDetailSchema, 201: applicationDetailSchema } },
      config: { rateLimit: { max: 20, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    async (request, reply) => {
      const who = await applicant(request);
      const body = await readApplicationParts(request);
      const itemCode = field(body, 'itemCode', '申请事项');
      const made = await submitApplication(
        ctx,
        who,
        { itemCode, orgId: field(body, 'orgId', '办理中心'), description: body.fields.description, address: body.fields.address, files: await uploadsOf(ctx, itemCode, body), promised: await promisedOf(ctx, itemCode, body) },
        request.headers['idempotency-key'],
      );
      return reply.code(made.replayed ? 200 : 201).send(await myApplication(ctx, who, made.id));
    },
  );

  r.get('/api/public/applications', { schema: { tags: publicTags, summary: '我的办件：本人的网上申请', querystring: pageQuery, response: { 200: applicationListSchema } } }, async (request) =>
    myApplications(ctx, await applicant(request), request.query),
  );

  r.get(
    '/api/public/my-cases',
    { schema: { tags: publicTags, summary: '我的办件：证件号码和手机号码都与本账号相同的办件（窗口、村代办、网上受理的）及其进度', response: { 200: z.object({ cases: z.array(progressSchema) }) } } },
    async (request) => myCases(ctx, await applicant(request)),
  );

  const caseNoParams = z.object({ caseNo: z.string().min(1).max(64) });
  r.get(
    '/api/public/my-cases/:caseNo/papers',
    { schema: { tags: publicTags, summary: '我的办件：中心为本人办件打印出具的文书（受理通知书、一次性告知书等）', params: caseNoParams, response: { 200: applicantPaperListSchema } } },
    async (request) => myCasePapers(ctx, await applicant(request), request.params.caseNo),
  );
  r.get(
    '/api/public/my-cases/:caseNo/papers/:printId',
    { schema: { tags: publicTags, summary: '我的办件：一份文书，按中心打印时的内容重现（可打印或存为 PDF）', params: caseNoParams.extend({ printId: z.string().min(1).max(64) }), response: { 200: applicantPrintedPaperSchema } } },
    async (request) => myCasePaper(ctx, await applicant(request), request.params.caseNo, request.params.printId),
  );

  r.get('/api/public/applications/:id', { schema: { tags: publicTags, summary: '本人的一份网上申请', params: idParams, response: { 200: applicationDetailSchema } } }, async (request) =>
    myApplication(ctx, await applicant(request), request.params.id),
  );

  r.post(
    '/api/public/applications/:id/resubmit',
    {
      schema: { tags: publicTags, summary: '按一次性告知补传材料后重新提交（multipart：expectedVersion，材料文件 material-序号）', params: idParams, response: { 200: applicationDetailSchema } },
      config: { rateLimit: { max: 20, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    async (request) => {
      const who = await applicant(request);
      const current = await myApplication(ctx, who, request.params.id);
      const body = await readApplicationParts(request);
      await resubmitApplication(ctx, who, request.params.id, versionField(body), await uploadsOf(ctx, current.itemCode, body));
      return myApplication(ctx, who, request.params.id);
    },
  );

  r.post(
    '/api/public/applications/:id/withdraw',
    { schema: { tags: publicTags, summary: '撤回尚未受理的网上申请', params: idParams, body: z.object({ expectedVersion: version, reason: freeText('撤回原因', TEXT_LIMITS.reason).optional() }), response: { 200: applicationDetailSchema } } },
    async (request) => {
      const who = await applicant(request);
      await withdrawApplication(ctx, who, request.params.id, request.body.expectedVersion, request.body.reason);
      return myApplication(ctx, who, request.params.id);
    },
  );

  r.get('/api/public/applications/:id/files/:fileId', { schema: { tags: publicTags, summary: '本人上传的材料文件', params: fileParams } }, async (request, reply) =>
    sendFile(reply, await myApplicationFile(ctx, await applicant(request), request.params.id, request.params.fileId)),
  );

  r.get(
    '/api/cases/:id/promises',
    { schema: { tags: staffTags, summary: '办件的告知承诺材料及事后核查（核查期限、状态）', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: casePromisesSchema } } },
    (request) => casePromises(ctx, requirePermission(request, 'cases.read'), request.params.id),
  );
  r.post(
    '/api/cases/:id/promises/:promiseId/check',
    {
      schema: {
        tags: staffTags,
        summary: '登记告知承诺的核查结果：kept 核查属实（材料存档为 B 级）、false 承诺不实（须写明核查情况）；只能登记一次',
        params: z.object({ id: z.string().min(1).max(64), promiseId: z.string().min(1).max(64) }),
        body: z.object({
          result: z.enum(PROMISE_RESULTS, { error: '请选择核查结果：核查属实或承诺不实' }),
          note: freeText('核查情况', TEXT_LIMITS.reason).optional(),
        }),
        response: { 200: casePromisesSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'cases.handle');
      await checkPromise(ctx, actor, request.params.id, request.params.promiseId, request.body);
      return casePromises(ctx, actor, request.params.id);
    },
  );

  r.get(
    '/api/evidence/on-file',
    {
      schema: {
        tags: staffTags,
        summary: '窗口受理时查已存档材料（材料复用）：按证件号码和姓名（单位名称）查该事项已有、不必再交的材料',
        querystring: z.object({
          itemCode: z.string().trim().min(1, '请先选择办理事项').max(40),
          kind: z.enum(['person', 'organization']).default('person'),
          number: z.string().trim().min(1, '请填写证件号码').max(30, '证件号码不能超过 30 位'),
          name: z.string().trim().min(1, '请填写姓名或单位名称').max(60, '姓名或单位名称不能超过 60 个字'),
        }),
        response: { 200: materialsOnFileSchema },
      },
    },
    (request) => {
      requirePermission(request, 'cases.handle');
      return materialsOnFile(ctx, request.query);
    },
  );

  r.get(
    '/api/applications',
    {
      schema: {
        tags: staffTags,
        summary: '本中心的网上申请（status=pre_review 为待预审，按预审期限先后）；view=refusals-to-review 为待中心主任审查的退回申请（否定报备），view=objections 为主任有异议、待窗口答复的',
        querystring: pageQuery.extend({
          status: z.enum(APPLICATION_STATUSES).optional(),
          view: z.enum(REFUSAL_VIEWS, { error: 'view 只能是 refusals-to-review（待审查的否定报备）或 objections（待答复的异议）' }).optional(),
        }),
        response: { 200: applicationListSchema },
      },
    },
    (request) => centerApplications(ctx, requirePermission(request, 'applications.review'), request.query),
  );

  r.get('/api/applications/:id', { schema: { tags: staffTags, summary: '一份网上申请（完整信息，查看记入审计）', params: idParams, response: { 200: applicationDetailSchema } } }, (request) =>
    centerApplication(ctx, requirePermission(request, 'applications.review'), request.params.id),
  );

  r.get('/api/applications/:id/files/:fileId', { schema: { tags: staffTags, summary: '申请人上传的材料文件（预览）', params: fileParams } }, async (request, reply) =>
    sendFile(reply, await centerApplicationFile(ctx, requirePermission(request, 'applications.review'), request.params.id, request.params.fileId)),
  );

  r.post(
    '/api/applications/:id/refusal-review',
    { schema: { tags: staffTags, summary: '审查预审退回的网上申请（否定报备，中心主任）：upheld 同意、questioned 有异议（须写审查意见）', params: idParams, body: refusalReviewBody, response: { 200: applicationDetailSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'cases.review-refusals');
      await reviewApplicationRefusal(ctx, actor, request.params.id, request.body);
      return centerApplication(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/applications/:id/refusal-review/answer',
    { schema: { tags: staffTags, summary: '答复中心主任对退回网上申请的异议（窗口）', params: idParams, body: objectionAnswerBody, response: { 200: applicationDetailSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'applications.review');
      await answerApplicationObjection(ctx, actor, request.params.id, request.body);
      return centerApplication(ctx, actor, request.params.id);
    },
  );

  r.post(
    '/api/applications/:id/actions/:action',
    { schema: { tags: staffTags, summary: '预审：accept 通过并受理、notify-supplement 一次性告知补正、return 退回', params: actionParams, body: z.unknown(), response: { 200: applicationDetailSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'applications.review');
      const { id, action } = request.params;
      const parsed = reviewBodies[action].safeParse(request.body);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new DomainError('VALIDATION_FAILED', errors[0]?.message ?? '请求内容不正确。', { errors }, 400);
      }
      const { expectedVersion, ...rest } = parsed.data;
      await reviewApplication(ctx, actor, id, expectedVersion, { action, ...rest } as ReviewCommand);
      return centerApplication(ctx, actor, id);
    },
  );
}
