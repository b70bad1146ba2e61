import { ITEM_FIELD_LABELS } from '../api/item-schema';

/** The item's own field names (the server's, as in its messages), plus the two a stored version adds. */
const VERSION_FIELD_LABELS = { ...ITEM_FIELD_LABELS, status: '状态', retiredReason: '停用原因' } as const;

/**
 * Which fields differ between two snapshots, by their Chinese names. A field only one of them records
 * (older snapshots carry no status) is not counted as a change.
 */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  if (!before) return [];
  return (Object.keys(VERSION_FIELD_LABELS) as (keyof typeof VERSION_FIELD_LABELS)[])
    .filter((key) => key in before && key in after)
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => VERSION_FIELD_LABELS[key]);
}
