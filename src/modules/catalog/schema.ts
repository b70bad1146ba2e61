import { z } from 'zod';
import { freeText } from '../../domain/text.js';
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
  reason: freeText('停用原因', 200).refine((s) => s.length >= 2, '请写明停用原因（如“事项已取消”“已下放至乡镇”）'),
});

export const orgItemsBody = z.object({ itemCodes: z.array(z.string().min(1)).max(2000) });
export const orgIdParams = z.object({ id: z.string().min(1) });
