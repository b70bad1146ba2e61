import { z } from 'zod';
import { MONTH_FORMAT_ERROR, MONTH_PATTERN } from '../../domain/calendar/months.js';

export const batchIdParams = z.object({ id: z.string().min(1) });
export const monthQuery = z.object({ month: z.string().regex(MONTH_PATTERN, MONTH_FORMAT_ERROR) });
export const progressQrQuery = z.object({ caseNo: z.string().trim().regex(/^[0-9A-Za-z-]{6,40}$/, '办件编号格式不对，请核对办件登记单上的编号（数字、字母和短横线，6 至 40 位）后重试') });
export const whereToApplyQuery = z.object({ itemCode: z.string({ error: '请指明事项编码' }).trim().min(1, '请指明事项编码').max(40, '事项编码不超过 40 个字符') });
export const nextBatchQuery = z.object({ caseId: z.string().trim().min(1).max(64).optional() });
