/**
 * 去向 on the public 政务公开 page (DOMAIN.md "Hall operations": 在岗/下村/开会/请假). The reason a person is away is
 * typed freely for the director and the backup (“请假：孩子生病”, “县里开会”); the public sees only the kind, never the
 * words. Pure.
 */
export const WHEREABOUTS = ['在岗', '下村', '开会', '请假', '外出'] as const;
export type Whereabouts = (typeof WHEREABOUTS)[number];

const KINDS: readonly [Whereabouts, RegExp][] = [
  ['请假', /假|病|休|丧|产|婚/],
  ['开会', /会|培训|学习/],
  ['下村', /下村|进村|入户|走访|村/],
];

export function whereaboutsOf(away: boolean, reason: string | null): Whereabouts {
  if (!away) return '在岗';
  const text = reason ?? '';
  return KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? '外出';
}
