/**
 * What the hall's queue screens ask the server (issue 12, the queue API of the hall contract): the services of a
 * center with how many wait, taking a number (kiosk and phone), checking in an appointment, a ticket's live
 * position and the display screen's state. None of these need a session: the kiosk, the display and a villager's
 * phone are not staff. No schema library (the phone pages must stay small): answers are read as the server's contract
 * declares them (src/domain/contract/hall.ts, types only).
 */
import type { callSchema, displayStateSchema, hallServiceSchema, ticketIssuedSchema, ticketPositionSchema } from '@domain/contract/hall';
import { buildUrl, createApiClient } from '@shared/api-client';
import type { z } from 'zod';

export type HallService = z.infer<typeof hallServiceSchema>;
export type Priority = 'elderly' | 'disabled';
/** A number just taken (POST /api/hall/tickets, or an appointment checked in). */
export type TicketIssued = z.infer<typeof ticketIssuedSchema>;
export type TicketStatus = TicketPosition['status'];
/** A ticket's live position (GET /api/hall/tickets/position/:token). */
export type TicketPosition = z.infer<typeof ticketPositionSchema>;
/** One call of a number to a window, as the display announces it. */
export type HallCall = z.infer<typeof callSchema>;
export type DisplayState = z.infer<typeof displayStateSchema>;

const client = createApiClient({
  networkTitle: '网络连接中断，请稍后再试或到服务台取号。',
  serverTitle: '系统暂时出现问题，请到服务台取号。',
});

/** The center's open services with how many wait (and, as the server adds it, the center's name). */
export const fetchServices = (orgId: string) => client.request<{ services: HallService[]; orgName?: string }>('/hall/services', { query: { orgId }, quiet401: true });

export const takeTicket = (input: { orgId: string; serviceId: string; source: 'kiosk' | 'phone'; priority?: Priority | null; phone?: string | null }, idempotencyKey: string) =>
  client.request<TicketIssued>('/hall/tickets', { method: 'POST', body: input, idempotencyKey, quiet401: true });

/** 预约签到 at the kiosk: the 6-digit code of the booking SMS; the answer carries the number taken (as `ticket`). */
export const checkInAppointment = async (orgId: string, code: string, idempotencyKey: string): Promise<TicketIssued> => {
  const answer = await client.request<TicketIssued | { ticket: TicketIssued }>('/hall/appointments/check-in', { method: 'POST', body: { orgId, code }, idempotencyKey, quiet401: true });
  return 'ticket' in answer ? answer.ticket : answer;
};

export const fetchPosition = (token: string, signal?: AbortSignal) =>
  client.request<TicketPosition>(`/hall/tickets/position/${encodeURIComponent(token)}`, { quiet401: true, signal });

export const fetchDisplay = (orgId: string) => client.request<DisplayState>(`/hall/display/${encodeURIComponent(orgId)}`, { quiet401: true });

export const displayStreamUrl = (orgId: string) => buildUrl(`/hall/display/${encodeURIComponent(orgId)}/stream`);

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026年3月2日 星期一, from the server's YYYY-MM-DD (the hall's day, not the browser's). */
export function dayLine(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日 星期${WEEKDAYS[weekday]}`;
}

/** 09:05, in Beijing time whatever the screen's own clock zone. */
export const clockOf = (iso: string | Date): string =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });

/** 2026-03-02 09:05, for the paper ticket. */
export const stampOf = (iso: string): string => {
  const d = new Date(iso);
  const day = d.toLocaleDateString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Shanghai' }).replace(/\//g, '-');
  return `${day} ${clockOf(d)}`;
};
