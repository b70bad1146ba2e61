/**
 * 大厅显示屏 (issue 12 §2): what the 1920×1080 screen shows — the number called and its window, the last calls, how
 * many wait per service, the date, the leader on duty and the center's notices. Public: numbers, window and service
 * names only, never a phone or a person's name (except the leader on duty, who is public by the roster).
 */
import { callText } from '../../domain/hall/ticket.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { dutyLeaderOn } from '../duty/queries.js';
import { shownNoticesOf } from '../notices/queries.js';
import { windowsByIds } from '../windows/repo.js';
import { loadDay } from './line.js';
import * as repo from './repo.js';

export type Call = {
  ticketId: string;
  number: string;
  windowName: string;
  serviceName: string;
  calledAt: string;
  /** what the screen says aloud: 请 A012 号到 3 号窗口 */
  text: string;
  recall: boolean;
};

export type DisplayState = {
  orgId: string;
  orgName: string;
  date: string;
  current: Call | null;
  /** the last 8, newest first */
  calls: Call[];
  waiting: { serviceId: string; serviceName: string; code: string; waiting: number }[];
  dutyLeader: { name: string } | null;
  notices: { id: string; title: string }[];
};

export const DISPLAY_CALLS = 8;

export async function displayState(ctx: AppContext, orgId: string, now: Date): Promise<DisplayState> {
  const { db } = ctx.database;
  const day = await loadDay(db, orgId, now);
  if (!day) throw notFound('该中心');
  const dayStart = day.tickets.reduce((min, t) => (t.issued_at < min ? t.issued_at : min), now.toISOString());
  const events = (await repo.recentCallEvents(db, orgId, dayStart, DISPLAY_CALLS * 3)).filter((e) => day.tickets.some((t) => t.id === e.ticket_id));
  const windows = await windowsByIds(db, events.map((e) => e.window_id));
  const tickets = new Map(day.tickets.map((t) => [t.id, t]));
  const services = new Map(day.services.map((s) => [s.id, s]));
  const calls: Call[] = events.slice(0, DISPLAY_CALLS).map((e) => {
    const t = tickets.get(e.ticket_id)!;
    const windowName = windows.get(e.window_id ?? '')?.name ?? '';
    return {
      ticketId: t.id,
      number: t.number,
      windowName,
      serviceName: services.get(e.service_id ?? t.service_id)?.name ?? '',
      calledAt: e.at,
      text: callText(t.number, windowName),
      recall: e.action === 'recall',
    };
  });
  const [leader, notices] = await Promise.all([dutyLeaderOn(db, orgId, day.day), shownNoticesOf(db, orgId, now)]);
  return {
    orgId,
    orgName: day.org.center_name,
    date: day.day,
    current: calls[0] ?? null,
    calls,
    waiting: day.services
      .filter((s) => s.active === 1)
      .map((s) => ({ serviceId: s.id, serviceName: s.name, code: s.code, waiting: day.tickets.filter((t) => t.service_id === s.id && t.status === 'waiting').length })),
    dutyLeader: leader ? { name: leader.name } : null,
    notices: notices.map((n) => ({ id: n.id, title: n.title })),
  };
}

/** One call as the display announces it (the stream's `event: call`). */
export async function callOf(ctx: AppContext, ticketId: string): Promise<Call | null> {
  const { db } = ctx.database;
  const t = await repo.findTicket(db, ticketId);
  if (!t || !t.window_id || !t.called_at) return null;
  const [windows, service, events] = await Promise.all([windowsByIds(db, [t.window_id]), repo.findService(db, t.service_id), repo.eventsOfTicket(db, t.id)]);
  const last = [...events].reverse().find((e) => e.action === 'call' || e.action === 'call_specific' || e.action === 'recall');
  const windowName = windows.get(t.window_id)?.name ?? '';
  return {
    ticketId: t.id,
    number: t.number,
    windowName,
    serviceName: service?.name ?? '',
    calledAt: last?.at ?? t.called_at,
    text: callText(t.number, windowName),
    recall: last?.action === 'recall',
  };
}
