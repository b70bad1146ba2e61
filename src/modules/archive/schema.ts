/** Request bodies and queries of /api/archive/* (the answers are the contract's, src/domain/contract/archive.ts). */
import { z } from 'zod';
import { RETENTION_PERIODS } from '../../domain/archive/terms.js';

const PERIOD_MESSAGE = '保管期限须是“永久”（permanent）、“30年”（30y）或“10年”（10y）之一';
export const period = z.enum(RETENTION_PERIODS, { error: PERIOD_MESSAGE });

export const id = z.string().min(1).max(100);
export const idParams = z.object({ id });
export const fileParams = z.object({ id, seq: z.coerce.number({ error: '卷内顺序号须是正整数' }).int({ error: '卷内顺序号须是正整数' }).min(1, { error: '卷内顺序号须是正整数' }) });
export const itemParams = z.object({ itemCode: z.string().min(1).max(40) });

export const retentionBody = z.object({ period });
export const retentionQuery = z.object({ orgId: id.optional() });

export const fileBody = z.object({
  caseId: z.string({ error: '请选择要立卷归档的办件（caseId）' }).trim().min(1, { error: '请选择要立卷归档的办件（caseId）' }).max(100),
});

export const dossierQuery = z.object({
  year: z.coerce.number({ error: '年度须是四位数字，如 2026' }).int({ error: '年度须是四位数字，如 2026' }).min(2000, { error: '年度须是四位数字，如 2026' }).max(2100, { error: '年度须是四位数字，如 2026' }).optional(),
  period: period.optional(),
  q: z.string().trim().max(50, { error: '查询内容不能超过 50 个字' }).optional(),
  caseId: id.optional(),
  page: z.coerce.number({ error: '页码须是从 1 开始的整数' }).int({ error: '页码须是从 1 开始的整数' }).min(1, { error: '页码须是从 1 开始的整数' }).default(1),
  pageSize: z.coerce.number({ error: '每页条数须是 1 到 100 之间的整数' }).int({ error: '每页条数须是 1 到 100 之间的整数' }).min(1, { error: '每页条数须是 1 到 100 之间的整数' }).max(100, { error: '每页条数须是 1 到 100 之间的整数' }).default(20),
});
