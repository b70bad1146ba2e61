import { z } from 'zod';

export const batchIdParams = z.object({ id: z.string().min(1) });
export const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份请按 YYYY-MM 填写，如 2026-03') });
export const progressQrQuery = z.object({ caseNo: z.string().trim().regex(/^[0-9A-Za-z-]{6,40}$/, '办件编号格式不对，请核对办件登记单上的编号（数字、字母和短横线，6 至 40 位）后重试') });
export const whereToApplyQuery = z.object({ itemCode: z.string({ error: '请指明事项编码' }).trim().min(1, '请指明事项编码').max(40, '事项编码不超过 40 个字符') });
