/**
 * Hops between the levels (rule 9 of DOMAIN.md): village → township (the weekly batch, or at once when urgent),
 * township → county (an escalated case), and the result back to the villager. Each hop has its own time limit;
 * a hop done after its limit, or still not done when the limit has passed, is a violation the township director
 * sees. Pure: the calendar and office hours are arguments.
 */
import { addCalendarDays, isWorkingDay, provisionalYearsBetween, weekday, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import { closingTime, dueInstant, localDate, localTime, zonedInstant } from '../calendar/office-hours.js';
import type { CenterTime } from './deadlines.js';
import type { CaseState } from './model.js';

export const HOP_KINDS = ['village-township', 'township-county', 'hand-back'] as const;
export type HopKind = (typeof HOP_KINDS)[number];

export { HOP_NAMES } from '../vocabulary/hops.js';

/** Working days the township has to send an escalated case up after accepting it (its forwarding promise). */
export const ESCALATION_HOP_DAYS = 2;
/** Working days from the decision above until the villager has been told and handed the result (回复). */
export const HAND_BACK_DAYS = 3;

/** Monday of the week of `date` (ISO weeks start on Monday). */
export function mondayOf(date: IsoDate): IsoDate {
  return addCalendarDays(date, -((weekday(date) + 6) % 7));
}

/** The batch day of the week starting on `monday`: that Monday, or the first working day after it. */
export function batchDayOfWeek(cal: WorkingCalendar, monday: IsoDate): IsoDate {
  let day = monday;
  while (!isWorkingDay(cal, day)) day = addCalendarDays(day, 1);
  return day;
}

/**
 * The first batch day strictly after `date`: the day an ordinary case received on `date` goes to the township.
 * A case received on a batch day itself waits for the next one (the batch leaves in the morning).
 */
export function nextBatchDay(cal: WorkingCalendar, date: IsoDate): IsoDate {
  for (let monday = mondayOf(date); ; monday = addCalendarDays(monday, 7)) {
    const day = batchDayOfWeek(cal, monday);
    if (day > date) return day;
  }
}

/**
 * The day the village's weekly batch goes next, as the agent is told it: today, when today is the batch day and
 * this week's batch has not been sent yet (a case received today may still go with it, though its limit is the
 * next batch day, see `nextBatchDay`); otherwise the next batch day. `lastSentDay`: the day the village last sent
 * a batch, if ever.
 */
export function comingBatchDay(cal: WorkingCalendar, today: IsoDate, lastSentDay: IsoDate | null): IsoDate {
  const monday = mondayOf(today);
  const sentThisWeek = lastSentDay !== null && lastSentDay >= monday;
  return batchDayOfWeek(cal, monday) === today && !sentThisWeek ? today : nextBatchDay(cal, today);
}

/**
 * By when a hop must be done, as an instant (end of office hours of the limit day):
 * - village → township: the next batch day after the case was ready to go; urgent: the next working day;
 * - township → county: ESCALATION_HOP_DAYS working days after the township accepted it;
 * - hand-back: HAND_BACK_DAYS working days after the decision above.
 */
export function hopLimit(kind: HopKind, from: Date, options: { urgent?: boolean }, t: CenterTime): Date {
  const withinWorkingDays = (days: number) => dueInstant(t.calendar, from, days, t.hours, t.timeZone);
  switch (kind) {
    case 'village-township':
      if (options.urgent) return withinWorkingDays(1);
      return zonedInstant(nextBatchDay(t.calendar, localDate(from, t.timeZone)), closingTime(t.hours), t.timeZone);
    case 'township-county':
      return withinWorkingDays(ESCALATION_HOP_DAYS);
    case 'hand-back':
      return withinWorkingDays(HAND_BACK_DAYS);
  }
}

/**
 * The limit once the case is sent: an urgent case must have left by the next working day after it was ready,
 * which can only tighten the limit it had while waiting for the batch.
 */
export function limitWhenSent(kind: HopKind, readyAt: Date, dueAt: Date, urgent: boolean, t: CenterTime): Date {
  if (!urgent) return dueAt;
  const urgentDue = hopLimit(kind, readyAt, { urgent: true }, t);
  return urgentDue < dueAt ? urgentDue : dueAt;
}

export interface HopRecord {
  kind: HopKind;
  dueAt: string;
  sentAt: string | null;
  receivedAt: string | null;
}

/**
 * When the hop's duty was done: forwarding up is done once the case is sent (the sender's duty); the hand-back
 * once the villager has the result.
 */
export const hopDoneAt = (hop: HopRecord): string | null => (hop.kind === 'hand-back' ? hop.receivedAt : hop.sentAt);

/** Late: done after the limit, or not done and the limit has passed. */
export function isLate(hop: HopRecord, now: Date): boolean {
  const due = Date.parse(hop.dueAt);
  const doneAt = hopDoneAt(hop);
  return doneAt === null ? now.getTime() > due : Date.parse(doneAt) > due;
}

/** A hop as stored, with what its limit is counted from (`recountHopLimit`). */
export interface StoredHop extends HopRecord {
  /** when the hop's clock started: the case was ready to go (or, for hand-back, the result came back down) */
  readyAt: string;
  urgent: boolean;
}

/**
 * An open hop's limit counted again from its start and kind on the calendar as it now stands (rule 3 for rule 9:
 * importing a year's official arrangement replaces the provisional days a limit was counted through). Only the
 * limit's DAY can move: it keeps the time of day it was first given, so a change of office hours since is not
 * passed off as the import's doing. An urgent hop keeps the tighter of its two limits, as when it was sent.
 * A hop already done keeps the limit it was judged by; so does one whose day does not move: both give null.
 * `provisional`: the new limit is still counted through a year not imported yet.
 */
export function recountHopLimit(hop: StoredHop, t: CenterTime): { dueAt: string; provisional: boolean } | null {
  if (hopDoneAt(hop) !== null) return null;
  const ready = new Date(hop.readyAt);
  const batchOrDays = hopLimit(hop.kind, ready, {}, t);
  const limit = limitWhenSent(hop.kind, ready, batchOrDays, hop.urgent, t);
  const was = new Date(hop.dueAt);
  const day = localDate(limit, t.timeZone);
  if (day === localDate(was, t.timeZone)) return null;
  return {
    dueAt: zonedInstant(day, localTime(was, t.timeZone), t.timeZone).toISOString(),
    provisional: provisionalYearsBetween(t.calendar, localDate(ready, t.timeZone), day).length > 0,
  };
}

/** What a step of a case does to its hops (a part of its Decision; settle.ts turns it into hop rows). */
export type HopChange =
  /** the case is ready to go up (or, for hand-back, the result is on its way down): the hop's clock starts */
  | { type: 'open'; kind: HopKind; sent: boolean }
  /** the case left: the open hop of this kind is sent */
  | { type: 'send'; kind: HopKind; urgent: boolean }
  /** the case arrived where it was sent (or, for hand-back, the villager has it) */
  | { type: 'receive'; kind: HopKind }
  /** the case ended (returned or withdrawn) before it was sent: the hop it was waiting for never happens */
  | { type: 'cancel-unsent' }
  /** an imported year moved the limit of the open hop of this kind (recountHopLimit) */
  | { type: 'move-limit'; kind: HopKind; dueAt: string };

/**
 * The hop a case is waiting for, read from its state alone (so a hop is open exactly while the case waits):
 * - at the village, received and not yet sent, to be forwarded to the township (village → township);
 * - an escalated case in progress at the township, not yet sent to the county (township → county).
 * The other hop changes (send, receive, the hand-back, dropping an unsent hop) are declared by the rows of the
 * transition table that make them (transitions.ts).
 */
export function waitingHop(s: CaseState): HopKind | null {
  if (s.transit !== null) return null;
  if (s.holderLevel === 'village' && s.status === 'submitted') return 'village-township';
  if (s.kind === 'escalated' && s.holderLevel === 'township' && s.status === 'in_progress') return 'township-county';
  return null;
}
