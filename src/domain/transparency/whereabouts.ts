/**
 * 去向 (DOMAIN.md "Hall operations"; issue 12 §4): where a member of staff is now, as an explicit kind stored with
 * the person — 在岗, 下村, 开会, 请假, 出差 — set by the person or the director, or by an approved leave. Anything
 * else about it (a note such as “到县医院送件”) stays inside for staff; the public sees only the kind. Pure.
 */
export const WHEREABOUTS = ['在岗', '下村', '开会', '请假', '出差'] as const;
export type Whereabouts = (typeof WHEREABOUTS)[number];

export const isWhereabouts = (value: unknown): value is Whereabouts => typeof value === 'string' && (WHEREABOUTS as readonly string[]).includes(value);

/** Away from the post (AB岗, DOMAIN.md rule 8): every kind but 在岗 — the backup works the person's windows. */
export const isAwayKind = (kind: Whereabouts): boolean => kind !== '在岗';

/**
 * The person's whereabouts from what is stored: the kind when it is one; otherwise (a row written before kinds were
 * stored) 在岗 when present and 出差 when away — never a guess from the words of a note.
 */
export function whereaboutsOf(away: boolean, stored: string | null | undefined): Whereabouts {
  if (!away) return '在岗';
  return isWhereabouts(stored) && stored !== '在岗' ? stored : '出差';
}
