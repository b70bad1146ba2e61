/**
 * What the server answers about the catalog (/api/items, /api/catalog/*, /api/orgs/{id}/items). The item's
 * fields are those of src/domain/catalog/item.ts, restated here without its input rules (trimming, defaults,
 * Chinese messages): an answer is encoded, never cleaned, and an item stored under an older rule still goes out.
 */
import { z } from 'zod';
import { ITEM_KINDS, SPECIAL_STEP_KINDS } from '../catalog/item.js';
import { ORG_LEVELS } from '../orgs/tree.js';
import { instant } from './common.js';

const level = z.enum(ORG_LEVELS);

export const ITEM_STATUSES = ['active', 'retired'] as const;

/** One item as GET /api/items/{code} answers it: the item itself, plus its id, status and version. */
export const catalogItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** 俗称 (低保, 五保) */
  aliases: z.array(z.string()),
  category: z.string(),
  department: z.string(),
  window: z.string(),
  level,
  acceptLevels: z.array(level),
  kind: z.enum(ITEM_KINDS),
  legalDays: z.number().int().nullable(),
  promisedDays: z.number().int(),
  joint: z.array(z.string()),
  inPersonRequired: z.boolean(),
  proxyAllowed: z.boolean(),
  onlineAllowed: z.boolean(),
  conditions: z.string(),
  basis: z.array(z.string()),
  steps: z.array(z.string()),
  materials: z.array(z.object({ name: z.string(), main: z.boolean(), copies: z.number().int(), original: z.boolean(), promisable: z.boolean().optional() })),
  result: z.string(),
  fee: z.object({ amount: z.number(), basis: z.string() }),
  publicNotes: z.string().nullable(),
  specialSteps: z.array(z.object({ name: z.string(), kind: z.enum(SPECIAL_STEP_KINDS), limitDays: z.number().int(), countsTowardLegal: z.boolean() })),
  status: z.enum(ITEM_STATUSES),
  retiredReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: instant,
});
export type CatalogItemAnswer = z.infer<typeof catalogItemSchema>;

/** GET /api/items: each item with the pinyin of its name, then of each 俗称 (the agent app searches offline). */
export const listedItemSchema = catalogItemSchema.extend({ pinyin: z.array(z.object({ full: z.string(), initials: z.string() })) });
export type ListedItem = z.infer<typeof listedItemSchema>;
export const itemListSchema = z.object({ items: z.array(listedItemSchema) });

/** GET /api/items/{code}/history: every saved version. */
export const itemHistorySchema = z.object({
  history: z.array(
    z.object({
      version: z.number().int(),
      action: z.enum(['created', 'updated', 'retired', 'imported']),
      at: instant,
      byName: z.string(),
      // the item as it was saved then, possibly in an older shape: only to compare versions
      snapshot: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type ItemHistory = z.infer<typeof itemHistorySchema>;
export type ItemHistoryEntry = ItemHistory['history'][number];

/** GET /api/catalog/facets: the categories and departments in use. */
export const facetsSchema = z.object({ categories: z.array(z.string()), departments: z.array(z.string()) });

/** POST /api/catalog/import: what happened to each row; a dry run (预检) writes nothing. */
export const catalogImportSchema = z.object({
  dryRun: z.boolean(),
  accepted: z.number().int(),
  refused: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      code: z.string().nullable(),
      name: z.string().nullable(),
      outcome: z.enum(['created', 'updated', 'unchanged', 'refused']),
      errors: z.array(z.string()),
    }),
  ),
});
export type CatalogImport = z.infer<typeof catalogImportSchema>;

/** GET/PUT /api/orgs/{id}/items: the codes of the items a center offers (可办事项). */
export const orgItemsSchema = z.object({ itemCodes: z.array(z.string()) });
