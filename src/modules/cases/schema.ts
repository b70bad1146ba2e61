import { z } from 'zod';
import { TEXT_LIMITS, freeText, personNameText } from '../../domain/text.js';
import { CASE_ACTIONS, CASE_CHANNELS, CASE_STATUSES, SIX_KINDS } from '../../domain/cases/model.js';
import { WORK_LISTS } from './repo.js';

export const applicantSchema = z.object({
  kind: z.enum(['person', 'organization']).default('person'),
  name: personNameText('申请人姓名或单位名称', TEXT_LIMITS.personName),
  idNumber: z.string().trim().min(1, '请填写身份证号码（单位填统一社会信用代码）').max(30, '身份证号码或统一社会信用代码不超过 30 个字符'),
  phone: z.string().trim().min(1, '请填写联系电话').max(20, '联系电话不超过 20 个字符'),
  address: freeText('地址', TEXT_LIMITS.address).optional(),
});

export const createCaseBody = z.object({
  itemCode: z.string().trim().min(1, '请选择办理事项').max(TEXT_LIMITS.code, '事项编码过长，请从事项目录中选择'),
  applicant: applicantSchema,
  channel: z.enum(CASE_CHANNELS),
  /**
   * Every material of the item's guide once: handed over or not, or (an attachment) not applicable to this applicant.
   * The intake refuses a checklist that leaves one out or states one twice (src/domain/cases/materials.ts).
   */
  materials: z
    .array(
      z.object({
        name: freeText('材料名称', TEXT_LIMITS.shortName, { required: true }),
        provided: z.boolean(),
        notApplicable: z.boolean().optional(),
      }),
    )
    .max(100, '材料不能超过 100 项'),
  proxy: z.object({ authorized: z.boolean() }).optional(),
  /** for an intake that must be returned at once (main material missing): the written reasons and basis */
  refusal: z
    .object({ reasons: freeText('退回理由', TEXT_LIMITS.refusal).optional(), basis: freeText('退回依据', TEXT_LIMITS.refusal).optional() })
    .optional(),
  /** 大厅排队号 being served at this window (issue 12): the case is linked to it in the same transaction */
  ticketId: z.string().min(1).max(100).optional(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

const idempotencyKey = z
  .string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' })
  .min(8, 'Idempotency-Key 至少 8 个字符')
  .max(100, 'Idempotency-Key 最多 100 个字符');
export const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey });
/** A case action's key is optional: sent, a repeated request is answered again instead of refused (act-on-case.ts). */
export const actionHeaders = z.object({ 'idempotency-key': idempotencyKey.optional() });

export const caseIdParams = z.object({ id: z.string().min(1) });
export const actionParams = z.object({ id: z.string().min(1), action: z.enum(CASE_ACTIONS, { error: '没有这个办件操作' }) });
export const actionBody = z.looseObject({ expectedVersion: z.number({ error: '请带上 expectedVersion（办件当前版本号）' }).int().positive() });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期请按 YYYY-MM-DD 填写');
const ledgerQuery = z.object({
  view: z.enum(WORK_LISTS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(SIX_KINDS).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  itemCode: z.string().max(40).optional(),
  q: z.string().max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  // the dashboards' numbers, opened in the ledger (issue 9 §4): a center and what is below it, a window, open cases
  // overdue now or due by the end of today, cases completed within local dates
  orgId: z.string().max(64).optional(),
  // the monthly report's figures (issue 13 §1): 本级 only, without the centers below; 网上办理 and 代办 by channel
  orgOnly: z.enum(['true', 'false']).optional(),
  channel: z.enum(CASE_CHANNELS, { error: `收件渠道须是：${CASE_CHANNELS.join('、')}` }).optional(),
  windowId: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueToday: z.enum(['true', 'false']).optional(),
  completedFrom: isoDate.optional(),
  completedTo: isoDate.optional(),
  // the monthly report's 超期件 and 按时办结 (lateWithin): late within these local dates; completed by the due date
  overdueFrom: isoDate.optional(),
  overdueTo: isoDate.optional(),
  onTime: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** 超期件 are late within a period: both its dates, or neither */
const bothOverdueDates = (q: { overdueFrom?: string; overdueTo?: string }) => !q.overdueFrom === !q.overdueTo;
const bothOverdueDatesError = { message: '超期件的起止日期（overdueFrom、overdueTo）须一起填写', path: ['overdueTo'] };
export const listCasesQuery = ledgerQuery.refine(bothOverdueDates, bothOverdueDatesError);

export const progressQuery = z.object({
  caseNo: z.string().trim().min(1, '请输入办件编号').max(40),
  // full-width digits from a Chinese input method are the same digits (made half-width by the lookup)
  phone4: z.string().trim().regex(/^[0-9０-９]{4}$/, '请输入登记电话的后四位数字'),
});

export const refusalReviewBody = z.object({
  expectedVersion: z.number().int().positive(),
  opinion: z.enum(['upheld', 'questioned'], { error: '请选择审查意见：同意退回（不予批准）或有异议' }),
  comment: freeText('审查意见', TEXT_LIMITS.reason).optional(),
});

export const objectionAnswerBody = z.object({
  expectedVersion: z.number().int().positive(),
  answer: freeText('对异议的答复', TEXT_LIMITS.reason, { required: true }),
});

/** The light counts take the ledger's filters except the light itself and paging. */
export const lightCountsQuery = ledgerQuery.omit({ light: true, page: true, pageSize: true }).refine(bothOverdueDates, bothOverdueDatesError);
