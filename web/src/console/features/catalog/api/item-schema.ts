
// The item, its rules and its labels are the server's own (src/domain/catalog/item.ts): one schema, one set
// of Chinese messages; the item as the server answers it is the contract's (src/domain/contract/catalog.ts).
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
export { catalogItemSchema as itemSchema, type CatalogItemAnswer as Item } from '@domain/contract/catalog';
