import { z } from 'zod';
import { itemInputSchema } from '@domain/catalog/item';

// The item, its rules and its labels are the server's own (src/domain/catalog/item.ts): one schema, one set
// of Chinese messages. Only what the catalog adds to a stored item is declared here.
export {
  FEE_FIELD_LABELS,
  ITEM_CODE_PATTERN,
  ITEM_FIELD_LABELS,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  MATERIAL_FIELD_LABELS,
  SPECIAL_STEP_FIELD_LABELS,
  SPECIAL_STEP_KIND_LABELS,
  SPECIAL_STEP_KINDS,
  validateItem,
  type CatalogItem,
  type ItemInput,
  type Material,
  type SpecialStep,
} from '@domain/catalog/item';

/** An item as the API answers it: the item itself, plus its id, status and version. */
export const itemSchema = itemInputSchema.extend({
  id: z.string(),
  status: z.enum(['active', 'retired']),
  retiredReason: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  /** GET /api/items only: the pinyin of the name, then of each 俗称 (for the agent app; the console asks the server). */
  pinyin: z.array(z.object({ full: z.string(), initials: z.string() })).optional(),
});
export type Item = z.infer<typeof itemSchema>;
