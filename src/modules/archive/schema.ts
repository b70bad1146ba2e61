/** Request bodies and queries of /api/archive/* (the answers are the contract's, src/domain/contract/archive.ts). */
import { z } from 'zod';
import { RETENTION_PERIODS } from '../../domain/archive/terms.js';

const PERIOD_MESSAGE = '保管期限须是“永久”（permanent）、“30年”（30y）或“10年”（10y）之一';
export const period = z.enum(RETENTION_PERIODS, { error: PERIOD_MESSAGE });

/** A whole number from a query or a path, every way of getting it wrong answered with the one `message`. */
const wholeNumber = (message: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

export const id = z.string().min(1).max(100);
export const idParams = z.object({ id });
export const fileParams = z.object({ id, seq: wholeNumber('卷内顺序号须是正整数', 1) });
export const itemParams = z.object({ itemCode: z.string().min(1).max(40) });

export const retentionBody = z.object({ period });
export const retentionQuery = z.object({ orgId: id.optional() });

export const fileBody = z.object({
  caseId: z.string({ error: '请选择要立卷归档的办件（caseId）' }).trim().min(1, { error: '请选择要立卷归档的办件（caseId）' }).max(100),
});

export const dossierQuery = z.object({
  year: wholeNumber('年度须是四位数字，如 2026', 2000, 2100).optional(),
  period: period.optional(),
  q: z.string().trim().max(50, { error: '查询内容不能超过 50 个字' }).optional(),
  caseId: id.optional(),
  page: wholeNumber('页码须是从 1 开始的整数', 1).default(1),
  pageSize: wholeNumber('每页条数须是 1 到 100 之间的整数', 1, 100).default(20),
});
