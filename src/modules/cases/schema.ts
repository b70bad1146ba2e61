import { z } from 'zod';
import { CASE_ACTIONS, CASE_CHANNELS, CASE_STATUSES, SIX_KINDS } from '../../domain/cases/model.js';
import { WORK_LISTS } from './repo.js';

export const applicantSchema = z.object({
  kind: z.enum(['person', 'organization']).default('person'),
  name: z.string().trim().min(1, '请填写申请人姓名或单位名称').max(60, '申请人名称不超过 60 个字'),
  idNumber: z.string().trim().min(1, '请填写身份证号码（单位填统一社会信用代码）').max(30),
  phone: z.string().trim().min(1, '请填写联系电话').max(20),
  address: z.string().trim().max(100, '地址不超过 100 个字').optional(),
});

export const createCaseBody = z.object({
  itemCode: z.string().trim().min(1, '请选择办理事项'),
  applicant: applicantSchema,
  channel: z.enum(CASE_CHANNELS),
  materials: z.array(z.object({ name: z.string().trim().min(1), provided: z.boolean() })).max(100),
  proxy: z.object({ authorized: z.boolean() }).optional(),
  /** for an intake that must be returned at once (main material missing): the written reasons and basis */
  refusal: z.object({ reasons: z.string().trim().optional(), basis: z.string().trim().optional() }).optional(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' })
    .min(8, 'Idempotency-Key 至少 8 个字符')
    .max(100),
});

export const caseIdParams = z.object({ id: z.string().min(1) });
export const actionParams = z.object({ id: z.string().min(1), action: z.enum(CASE_ACTIONS, { error: '没有这个办件操作' }) });
export const actionBody = z.looseObject({ expectedVersion: z.number({ error: '请带上 expectedVersion（办件当前版本号）' }).int().positive() });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期请按 YYYY-MM-DD 填写');
export const listCasesQuery = z.object({
  view: z.enum(WORK_LISTS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(SIX_KINDS).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  itemCode: z.string().max(40).optional(),
  q: z.string().max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const progressQuery = z.object({
  caseNo: z.string().trim().min(1, '请输入办件编号').max(40),
  phone4: z.string().trim().regex(/^\d{4}$/, '请输入登记电话的后四位数字'),
});

export const refusalReviewBody = z.object({
  expectedVersion: z.number().int().positive(),
  opinion: z.enum(['upheld', 'questioned'], { error: '请选择审查意见：同意退回（不予批准）或有异议' }),
  comment: z.string().trim().max(500, '审查意见不超过 500 字').optional(),
});
