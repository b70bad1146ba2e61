/**
 * Who is in front of the receiving center (DOMAIN.md rule 11): the applicant in person (申请人本人办理), an agent
 * with the applicant's signed authorisation (代办), or an agent helping while the applicant signs (帮办). An item
 * that requires the applicant in person can never be proxied, but it can be received at any level its guide
 * allows while the applicant is present there — e.g. an agent helping an old villager with 养老资格认证 in the
 * village room. When this center cannot take it at all, the message names where to go (a Venue from data).
 * Kept small and free of the rest of the case rules, so the agent's phone page checks with the same function.
 */
import type { OrgLevel } from '../orgs/tree.js';
import { venueText, type Venue } from '../agents/venue.js';
import { HANDLING_MODE_NAMES } from '../vocabulary/handling.js';
import { centerName, type CaseItemFacts } from './model.js';
import type { Rejection } from './rules.js';

export const HANDLING_MODES = ['proxy', 'help', 'in_person'] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];

type Proxy = { authorized: boolean } | null | undefined;

/** The mode a case's stored `proxy` stands for: none is the applicant in person. */
export const modeOf = (proxy: Proxy): HandlingMode => (proxy ? (proxy.authorized ? 'proxy' : 'help') : 'in_person');

/** How the mode is stored and sent (API.md: `proxy` absent = the applicant in person). */
export const proxyOf = (mode: HandlingMode): { authorized: boolean } | null => (mode === 'in_person' ? null : { authorized: mode === 'proxy' });

type PresenceFacts = Pick<CaseItemFacts, 'name' | 'acceptLevels' | 'inPersonRequired' | 'proxyAllowed'>;

/** The applicant must come in person: the item requires it, or does not allow an agent to act for them. */
export const mustComeInPerson = (item: Pick<PresenceFacts, 'inPersonRequired' | 'proxyAllowed'>): boolean =>
  item.inPersonRequired || !item.proxyAllowed;

/** Where to send the applicant, or the levels that may receive it when the data names no center. */
const elsewhere = (item: PresenceFacts, venue: Venue | null | undefined): string =>
  venue ? venueText(venue) : `${item.acceptLevels.map(centerName).join('或')}`;

/**
 * Null when the mode is allowed for the item at this level; otherwise the rejection, which says what to do:
 * register it as 申请人本人办理 when the applicant can do it right here, or where the applicant must go.
 */
export function presenceRejection(item: PresenceFacts, level: OrgLevel, mode: HandlingMode, venue?: Venue | null): Rejection | null {
  if (mode === 'in_person') return null;
  if (!mustComeInPerson(item)) return null;
  const here = item.acceptLevels.includes(level);
  const room = centerName(level);
  if (item.inPersonRequired) {
    return {
      ok: false,
      code: 'IN_PERSON_REQUIRED',
      message: here
        ? `“${item.name}”必须由申请人本人到场办理，不能${HANDLING_MODE_NAMES[mode]}。申请人本人就在${room}的，请把办理方式选为“申请人本人办理”后登记，可以协助填写；本人没有来的，请告知群众本人来办。`
        : `“${item.name}”必须由申请人本人到场办理，不能代办，${room}也不能收件。请告知群众本人携带材料到${elsewhere(item, venue)}办理；可以先帮助准备材料。`,
      ...(venue && !here ? { details: { venue } } : {}),
    };
  }
  return {
    ok: false,
    code: 'PROXY_NOT_ALLOWED',
    message: here
      ? `“${item.name}”不允许代办，须申请人本人办理。申请人本人就在${room}的，请把办理方式选为“申请人本人办理”后登记；本人没有来的，请告知群众本人来办。`
      : `“${item.name}”不允许代办，${room}也不能收件。请告知群众本人到${elsewhere(item, venue)}办理；可以帮助准备材料、预约时间。`,
    ...(venue && !here ? { details: { venue } } : {}),
  };
}

/** Not receivable at this level at all, whoever comes: the message names where the applicant can apply. */
export function notReceivableHere(item: PresenceFacts, level: OrgLevel, venue?: Venue | null): Rejection | null {
  if (item.acceptLevels.includes(level)) return null;
  return {
    ok: false,
    code: 'NOT_RECEIVABLE_HERE',
    message: venue
      ? `“${item.name}”不能在${centerName(level)}收件，请引导群众到${venueText(venue)}办理。`
      : `“${item.name}”不能在${centerName(level)}收件，可以收件的是：${item.acceptLevels.map(centerName).join('、')}。请引导群众到那里办理。`,
    details: venue ? { acceptLevels: item.acceptLevels, venue } : { acceptLevels: item.acceptLevels },
  };
}
