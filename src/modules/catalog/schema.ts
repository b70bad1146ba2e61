import { z } from 'zod';
import { ORG_LEVELS } from '../../domain/orgs/tree.js';

export const listItemsQuery = z.object({
  q: z.string().max(50, '搜索词不超过 50 个字').optional(),
  level: z.enum(ORG_LEVELS).optional(),
  category: z.string().max(40).optional(),
  department: z.string().max(60).optional(),
  status: z.enum(['active', 'retired', 'all']).optional(),
});

export const itemCodeParams = z.object({ code: z.string().min(1).max(40) });

export const updateItemBody = z.looseObject({ expectedVersion: z.number().int().positive() });

export const retireItemBody = z.object({
  expectedVersion: z.number().int().positive(),
  reason: z.string().trim().min(2, '请写明停用原因（如“事项已取消”“已下放至乡镇”）').max(200),
});

export const orgItemsBody = z.object({ itemCodes: z.array(z.string().min(1)).max(2000) });
export const orgIdParams = z.object({ id: z.string().min(1) });
