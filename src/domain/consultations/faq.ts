/**
 * An item's public FAQ (常见问题) as a center keeps it: entries in an order the center chooses, edited, moved and
 * retired (a retired entry stays on record with its history; it can be put back). Ordering is by `position`, 1..n
 * among the active entries of one item and center. Pure.
 */
export const FAQ_STATUSES = ['active', 'retired'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];
export const FAQ_STATUS_NAMES: Record<FaqStatus, string> = { active: '公开中', retired: '已撤下' };

export const FAQ_ACTIONS = ['promote', 'create', 'edit', 'move', 'retire', 'restore'] as const;
export type FaqAction = (typeof FAQ_ACTIONS)[number];
export const FAQ_ACTION_NAMES: Record<FaqAction, string> = {
  promote: '由咨询选入',
  create: '新增',
  edit: '修改',
  move: '调整顺序',
  retire: '撤下',
  restore: '恢复公开',
};

export const FAQ_TEXT_LIMITS = { question: 200, answer: 2000, note: 200 } as const;

export interface Positioned {
  id: string;
  position: number;
}

/** The entries in their order: by position, then by id (two entries never keep one place for long, but a tie is stable). */
export function orderFaq<T extends Positioned>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The entry `id` moved to place `to` (0-based, clamped to the list): every entry's new position, 1..n in the new
 * order; the others keep their order among themselves. An unknown id changes nothing but the numbering.
 */
export function moveEntry(entries: readonly Positioned[], id: string, to: number): Positioned[] {
  const ordered = orderFaq(entries);
  const from = ordered.findIndex((e) => e.id === id);
  if (from >= 0) {
    const [moved] = ordered.splice(from, 1);
    const place = Math.max(0, Math.min(ordered.length, Math.trunc(to)));
    ordered.splice(place, 0, moved!);
  }
  return ordered.map((e, i) => ({ id: e.id, position: i + 1 }));
}

/** A new (or restored) entry goes last. */
export const nextPosition = (entries: readonly Positioned[]): number => entries.reduce((max, e) => Math.max(max, e.position), 0) + 1;

/**
 * Whose FAQ a center's public page shows: the center's own if it has entries, else that of the nearest center
 * above it that has (a village room shows its township's). `chain` is the center first, then its parents.
 */
export function faqOwner(chain: readonly string[], orgsWithEntries: ReadonlySet<string>): string | null {
  return chain.find((id) => orgsWithEntries.has(id)) ?? null;
}
