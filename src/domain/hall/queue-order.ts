/**
 * The order of a hall's waiting line (issue 12 §1). Clerks never choose between normal and priority numbers: the
 * line decides, as one total, deterministic order.
 *
 * 1. Checked-in appointments come first (they booked a time; capacity bounds how many there are).
 * 2. Everyone else by effective issue time: a priority number (70岁以上, 残疾人, 绿色通道) counts as if taken
 *    `priorityBonusMinutes` earlier — a hard bound, so a normal number that has waited longer than that goes first.
 * 3. Nobody is starved: when the last `maxOvertakes` calls at this line were all appointment or priority numbers
 *    and a normal number waits, the longest-waiting normal number is called next. A normal number therefore waits
 *    at most (normal numbers taken before it + 1) × (maxOvertakes + 1) calls, however many priority numbers arrive.
 * Ties: issue time, then number, then id.
 */
import type { TicketPriority, TicketStatus } from './ticket.js';

export interface QueueEntry {
  id: string;
  number: string;
  priority: TicketPriority;
  /** ISO instant the number was taken (kept by a transfer) */
  issuedAt: string;
}

export interface QueuePolicy {
  priorityBonusMinutes: number;
  maxOvertakes: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { priorityBonusMinutes: 15, maxOvertakes: 3 };

const isNormal = (p: TicketPriority) => p === 'none';

function compareBase(a: QueueEntry, b: QueueEntry, policy: QueuePolicy): number {
  const appA = a.priority === 'appointment' ? 0 : 1;
  const appB = b.priority === 'appointment' ? 0 : 1;
  if (appA !== appB) return appA - appB;
  const bonus = policy.priorityBonusMinutes * 60_000;
  const key = (e: QueueEntry) => Date.parse(e.issuedAt) - (e.priority === 'none' || e.priority === 'appointment' ? 0 : bonus);
  const byKey = key(a) - key(b);
  if (byKey !== 0) return byKey;
  const byIssue = Date.parse(a.issuedAt) - Date.parse(b.issuedAt);
  if (byIssue !== 0) return byIssue;
  if (a.number !== b.number) return a.number < b.number ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The waiting line in call order. `recentCalls`: the priorities of the numbers called at this line, newest first
 * (only the first `maxOvertakes` matter).
 */
export function orderQueue<T extends QueueEntry>(waiting: readonly T[], recentCalls: readonly TicketPriority[] = [], policy: QueuePolicy = DEFAULT_QUEUE_POLICY): T[] {
  const sorted = [...waiting].sort((a, b) => compareBase(a, b, policy));
  const overtaken = recentCalls.length >= policy.maxOvertakes && recentCalls.slice(0, policy.maxOvertakes).every((p) => !isNormal(p));
  if (!overtaken || policy.maxOvertakes <= 0) return sorted;
  const firstNormal = sorted.findIndex((e) => isNormal(e.priority));
  if (firstNormal <= 0) return sorted;
  const [normal] = sorted.splice(firstNormal, 1);
  return [normal!, ...sorted];
}

/** Who is called next, or null. */
export const nextInLine = <T extends QueueEntry>(waiting: readonly T[], recentCalls: readonly TicketPriority[] = [], policy: QueuePolicy = DEFAULT_QUEUE_POLICY): T | null =>
  orderQueue(waiting, recentCalls, policy)[0] ?? null;

/** How many are before `id` in the line (0: next), or null when it is not waiting there. */
export function aheadOf(waiting: readonly QueueEntry[], id: string, recentCalls: readonly TicketPriority[] = [], policy: QueuePolicy = DEFAULT_QUEUE_POLICY): number | null {
  const at = orderQueue(waiting, recentCalls, policy).findIndex((e) => e.id === id);
  return at < 0 ? null : at;
}

/** A number as the lines of a hall see it. */
export interface LineTicket extends QueueEntry {
  status: TicketStatus;
  serviceId: string;
  /** the window it was called to or transferred to; null while it waits for any window of its service */
  windowId: string | null;
  calledAt: string | null;
}

/** The priorities of the numbers called among `tickets`, newest call first (what the overtaking bound looks at). */
function recentCallsOf(tickets: readonly LineTicket[]): TicketPriority[] {
  return tickets
    .filter((t) => t.calledAt !== null && t.status !== 'waiting')
    .sort((a, b) => (a.calledAt! < b.calledAt! ? 1 : a.calledAt! > b.calledAt! ? -1 : 0))
    .map((t) => t.priority);
}

/**
 * A window's waiting line in call order: the numbers transferred to it, and those of the services it calls that wait
 * for any window (a number sent to another window is that window's).
 */
export function windowLine<T extends LineTicket>(tickets: readonly T[], windowId: string, servicesAtWindow: ReadonlySet<string>, policy: QueuePolicy = DEFAULT_QUEUE_POLICY): T[] {
  const waiting = tickets.filter((t) => t.status === 'waiting' && (t.windowId === windowId || (t.windowId === null && servicesAtWindow.has(t.serviceId))));
  return orderQueue(waiting, recentCallsOf(tickets.filter((t) => t.windowId === windowId)), policy);
}

/** A service's waiting line in call order (numbers transferred to one of its windows included). */
export function serviceLine<T extends LineTicket>(tickets: readonly T[], serviceId: string, policy: QueuePolicy = DEFAULT_QUEUE_POLICY): T[] {
  const waiting = tickets.filter((t) => t.status === 'waiting' && t.serviceId === serviceId);
  return orderQueue(waiting, recentCallsOf(tickets.filter((t) => t.serviceId === serviceId)), policy);
}
