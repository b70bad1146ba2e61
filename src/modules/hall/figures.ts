/**
 * 排队统计 (issue 12 §1): for the center's local dates from..to — waiting and serving minutes per service, window
 * and hour of the day the number was taken, and the people who left before being served (the measures of
 * src/domain/hall/figures.ts).
 */
import { localDate, localTime } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { leftUnserved, ticketMinutes, wasServed } from '../../domain/hall/figures.js';
import type { TicketStatus } from '../../domain/hall/ticket.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './repo.js';

type Acc = { tickets: number; served: number; left: number; wait: number[]; serve: number[] };
const acc = (): Acc => ({ tickets: 0, served: 0, left: 0, wait: [], serve: [] });
const avg = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
const max = (xs: number[]) => (xs.length === 0 ? null : Math.round(Math.max(...xs) * 10) / 10);
const sum = (a: Acc) => ({ tickets: a.tickets, served: a.served, left: a.left, waitAvg: avg(a.wait), waitMax: max(a.wait), serveAvg: avg(a.serve), serveMax: max(a.serve) });

export async function hallFigures(ctx: AppContext, actor: Actor, q: { orgId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const orgId = q.orgId ?? actor.orgId;
  if (orgId !== actor.orgId) throw forbidden('查看其他中心的排队统计');
  const { db } = ctx.database;
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('该中心');
  const now = ctx.clock();
  const today = localDate(now, org.time_zone);
  const to = q.to ?? today;
  const from = q.from ?? localDate(new Date(now.getTime() - 29 * 86_400_000), org.time_zone);
  if (from > to) throw new DomainError('HALL_FIGURES_RANGE', '开始日期不能晚于结束日期，请重新选择。');
  const rows = await db.selectFrom('hall_tickets').selectAll().where('org_id', '=', orgId).where('day', '>=', from).where('day', '<=', to).execute();
  const services = new Map((await repo.servicesOf(db, orgId)).map((s) => [s.id, s]));
  const windows = await windowsByIds(db, rows.map((r) => r.window_id));
  const total = acc();
  const byService = new Map<string, Acc>();
  const byWindow = new Map<string, Acc>();
  const byHour = new Map<number, Acc>();
  const byDay = new Map<string, Acc>();
  const at = <K>(m: Map<K, Acc>, k: K) => m.get(k) ?? m.set(k, acc()).get(k)!;
  for (const t of rows) {
    const hour = Number(localTime(new Date(t.issued_at), org.time_zone).slice(0, 2));
    const groups = [total, at(byService, t.service_id), at(byHour, hour), at(byDay, t.day), ...(t.window_id ? [at(byWindow, t.window_id)] : [])];
    const status = t.status as TicketStatus;
    const served = wasServed(status, t.started_at);
    const left = leftUnserved(status, t.day, today);
    const { waiting: wait, serving: serve } = ticketMinutes({ issuedAt: t.issued_at, calledAt: t.called_at, startedAt: t.started_at, finishedAt: t.finished_at });
    for (const g of groups) {
      g.tickets++;
      if (served) g.served++;
      if (left) g.left++;
      if (wait !== null) g.wait.push(wait);
      if (serve !== null) g.serve.push(serve);
    }
  }
  return {
    orgId,
    orgName: org.center_name,
    from,
    to,
    totals: sum(total),
    byService: [...byService.entries()]
      .map(([id, a]) => ({ serviceId: id, code: services.get(id)?.code ?? '', name: services.get(id)?.name ?? '（已删除的服务）', ...sum(a) }))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
    byWindow: [...byWindow.entries()].map(([id, a]) => ({ windowId: id, name: windows.get(id)?.name ?? '', ...sum(a) })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    byHour: [...byHour.entries()].map(([hour, a]) => ({ hour, ...sum(a) })).sort((a, b) => a.hour - b.hour),
    byDay: [...byDay.entries()].map(([day, a]) => ({ day, ...sum(a) })).sort((a, b) => (a.day < b.day ? -1 : 1)),
  };
}

export type HallFigures = Awaited<ReturnType<typeof hallFigures>>;
