/**
 * 排队统计的口径 (issue 12 §1), one definition for the figures page and a case's own queue record: waiting is from
 * taking the number to its (first) call, serving from 开始办理 to 办结; a person "left before being served" when the
 * number ended as 过号 or cancelled, or was still waiting or called when its day ended. Minutes, never negative. Pure.
 */
import type { TicketStatus } from './ticket.js';

export interface TicketTimes {
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const minutesBetween = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);

/** Waiting and serving minutes of one number; null while the step has not happened. */
export function ticketMinutes(t: TicketTimes): { waiting: number | null; serving: number | null } {
  return {
    waiting: t.calledAt ? minutesBetween(t.issuedAt, t.calledAt) : null,
    serving: t.startedAt && t.finishedAt ? minutesBetween(t.startedAt, t.finishedAt) : null,
  };
}

/** Served: 开始办理 happened and the number was not turned back since. */
export const wasServed = (status: TicketStatus, startedAt: string | null): boolean => startedAt !== null && (status === 'serving' || status === 'finished');

/** Left before being served: 过号, cancelled, or still in line when its day (`day`, the center's date) is over. */
export const leftUnserved = (status: TicketStatus, day: string, today: string): boolean =>
  status === 'no_show' || status === 'cancelled' || (day < today && (status === 'waiting' || status === 'called'));
