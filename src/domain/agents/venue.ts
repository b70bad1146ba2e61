/**
 * Where a villager must go when the center in front of them cannot take the request (DOMAIN.md rule 11): the
 * nearest center up the tree whose level the item's guide allows and that offers the item, with the window that
 * receives it there, its address, phone and office hours — all from data (the org tree, its windows and
 * offerings), never a fixed sentence. Pure, and free of runtime imports, so the agent's phone page bundles it.
 */
import type { OfficeHours } from '../calendar/office-hours.js';
import type { OrgLevel } from '../orgs/tree.js';

/** A center where the applicant can apply, as a villager needs it to find the right door. */
export interface Venue {
  level: OrgLevel;
  /** 柳河镇便民服务中心 */
  centerName: string;
  /** the window that receives the item there, or null when the data names none */
  window: string | null;
  address: string | null;
  phone: string | null;
  hours: OfficeHours | null;
}

/** A center above the one refusing, with what it offers of this item. */
export interface CenterAbove extends Omit<Venue, 'window'> {
  /** does the center offer (可办事项) the item? */
  offers: boolean;
  /** the window its offering names, or null */
  offeringWindow: string | null;
}

/**
 * The place to send the applicant: among the centers above (nearest first), the first that offers the item at a
 * level its guide allows; if none offers it in the data, the nearest allowed one with the item's own receiving
 * window. Null when no center above may receive it (then the refusing center is the only one, and the message
 * cannot send anyone elsewhere).
 */
export function placeToApply(item: { acceptLevels: readonly OrgLevel[]; window: string }, above: readonly CenterAbove[]): Venue | null {
  const allowed = above.filter((c) => item.acceptLevels.includes(c.level));
  const offering = allowed.find((c) => c.offers);
  const chosen = offering ?? allowed[0];
  if (!chosen) return null;
  const { offers: _offers, offeringWindow, ...center } = chosen;
  return { ...center, window: (offering ? offeringWindow : null) ?? (item.window.trim() || null) };
}

/** 08:30–12:00、14:30–17:30 */
export const hoursText = (hours: OfficeHours | null): string | null =>
  hours && hours.sessions.length > 0 ? hours.sessions.map((s) => `${s.start}–${s.end}`).join('、') : null;

/** 柳河镇便民服务中心户籍窗口（地址：…；办公时间：工作日 08:30–12:00、14:30–17:30；电话：…） */
export function venueText(venue: Venue): string {
  const hours = hoursText(venue.hours);
  const facts = [
    venue.address ? `地址：${venue.address}` : null,
    hours ? `办公时间：工作日 ${hours}` : null,
    venue.phone ? `电话：${venue.phone}` : null,
  ].filter((f): f is string => f !== null);
  return `${venue.centerName}${venue.window ?? ''}${facts.length > 0 ? `（${facts.join('；')}）` : ''}`;
}

/**
 * 本村不能办理“结婚登记”。请申请人本人到清河县政务服务中心婚姻收养登记窗口办理（…）。 What a center tells someone it
 * cannot serve, before anything is typed in: where to go, and that the applicant must go themself when the item
 * needs them present or allows no proxy (rule 11) — so nobody travels on a villager's behalf for nothing.
 */
export function notHereText(here: { levelName: string; itemName: string; inPerson: boolean; venue: Venue | null }): string {
  const who = here.inPerson ? '申请人本人' : '群众';
  const go = here.venue ? `请${who}到${venueText(here.venue)}办理。` : `请${who}到上级便民服务中心咨询办理地点。`;
  return `本${here.levelName}不能办理“${here.itemName}”。${go}`;
}
