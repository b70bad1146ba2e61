/** Reading the hall: its services (public), a window's line for the clerk, a number's live position (public). */
import type { CaseTicket } from '../../domain/contract/hall.js';
import { ticketMinutes } from '../../domain/hall/figures.js';
import type { TicketPriority, TicketStatus } from '../../domain/hall/ticket.js';

import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { maySeeCase } from '../cases/access.js';
import { findCase } from '../cases/repo.js';
import { scopeOf } from '../orgs/service.js';
import { findOrg } from '../orgs/repo.js';
import { publicUrlOf } from '../settings/service.js';
import { listWindows, windowsByIds } from '../windows/repo.js';
import { windowOfActor } from './change.js';
import { aheadOfTicket, itemCodesOf, loadDay, windowIdsOf, windowLine, type HallDay } from './line.js';
import { takeUrlAt } from './publish.js';
import * as repo from './repo.js';
import { hallSettingsOf, type HallSettings } from './settings.js';

export type HallServiceView = {
  id: string;
  code: string;
  name: string;
  windowIds: string[];
  itemCodes: string[];
  waiting: number;
  active: boolean;
  sort: number;
  version: number;
};

const presentService = (s: repo.ServiceRow, day: HallDay | null): HallServiceView => ({
  id: s.id,
  code: s.code,
  name: s.name,
  windowIds: windowIdsOf(s),
  itemCodes: itemCodesOf(s),
  waiting: day ? day.tickets.filter((t) => t.service_id === s.id && t.status === 'waiting').length : 0,
  active: s.active === 1,
  sort: s.sort,
  version: s.version,
});

/** The kiosk's and phone's choice: the center's open services with how many wait. */
export async function publicServices(ctx: AppContext, orgId: string): Promise<{ orgId: string; orgName: string; services: HallServiceView[] }> {
  const day = await loadDay(ctx.database.db, orgId, ctx.clock());
  if (!day) throw notFound('该中心');
  return { orgId, orgName: day.org.center_name, services: day.services.filter((s) => s.active === 1).map((s) => presentService(s, day)) };
}

/** The director's setup page: every service (paused ones too), the center's windows and the hall's settings. */
export async function hallSetup(ctx: AppContext, actor: Actor, orgId?: string) {
  const centerId = orgId ?? actor.orgId;
  if (centerId !== actor.orgId) throw forbidden('设置其他中心的大厅服务');
  const { db } = ctx.database;
  const day = await loadDay(db, centerId, ctx.clock());
  if (!day) throw notFound('该中心');
  const windows = await listWindows(db, [centerId]);
  return {
    orgId: centerId,
    orgName: day.org.center_name,
    services: day.services.map((s) => presentService(s, day)),
    windows: windows.map((w) => ({ id: w.id, name: w.name, active: w.active === 1 })),
    settings: await hallSettingsOf(db, centerId),
  };
}

export type TicketView = {
  id: string;
  number: string;
  serviceId: string;
  serviceName: string;
  status: TicketStatus;
  priority: TicketPriority;
  source: string;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  windowId: string | null;
  windowName: string | null;
  recalls: number;
  caseId: string | null;
  caseNo: string | null;
  version: number;
  waitedMinutes: number;
  greenReason: string | null;
  /** only the last 4 digits, so the clerk can confirm "is this you" */
  phoneTail: string | null;
};

async function presentTickets(ctx: AppContext, day: HallDay, rows: repo.TicketRow[], now: Date): Promise<TicketView[]> {
  const { db } = ctx.database;
  const windows = await windowsByIds(db, rows.map((t) => t.window_id));
  const services = new Map(day.services.map((s) => [s.id, s]));
  const caseNos = new Map<string, string>();
  for (const id of new Set(rows.map((t) => t.case_id).filter((x): x is string => x !== null))) {
    const c = await findCase(db, id);
    if (c) caseNos.set(id, c.case_no);
  }
  return rows.map((t) => ({
    id: t.id,
    number: t.number,
    serviceId: t.service_id,
    serviceName: services.get(t.service_id)?.name ?? '',
    status: t.status as TicketStatus,
    priority: t.priority as TicketPriority,
    source: t.source,
    issuedAt: t.issued_at,
    calledAt: t.called_at,
    startedAt: t.started_at,
    finishedAt: t.finished_at,
    windowId: t.window_id,
    windowName: t.window_id ? (windows.get(t.window_id)?.name ?? null) : null,
    recalls: t.recalls,
    caseId: t.case_id,
    caseNo: t.case_id ? (caseNos.get(t.case_id) ?? null) : null,
    version: t.version,
    waitedMinutes: Math.max(0, Math.floor(((t.called_at ? Date.parse(t.called_at) : now.getTime()) - Date.parse(t.issued_at)) / 60_000)),
    greenReason: t.green_reason,
    phoneTail: t.phone ? t.phone.slice(-4) : null,
  }));
}

/** 叫号页面: the window's current number, its line in call order and what it handled lately. */
export async function windowQueue(ctx: AppContext, actor: Actor, windowId?: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const all = await listWindows(db, [actor.orgId]);
  const open = all.filter((w) => w.active === 1);
  const chosen = windowId ?? (open.find((w) => w.post_a_user_id === actor.userId || w.post_b_user_id === actor.userId) ?? open[0])?.id;
  if (!chosen) throw notFound('本中心的窗口（请中心主任先在“窗口管理”中设置窗口）');
  const window = await windowOfActor(db, actor, chosen);
  const day = (await loadDay(db, window.org_id, now))!;
  const settings: HallSettings = await hallSettingsOf(db, window.org_id);
  const here = day.tickets.filter((t) => t.window_id === window.id && t.status !== 'waiting');
  const current = here.filter((t) => t.status === 'called' || t.status === 'serving').sort((a, b) => ((a.called_at ?? '') < (b.called_at ?? '') ? 1 : -1))[0] ?? null;
  const recent = here
    .filter((t) => t.id !== current?.id)
    .sort((a, b) => ((a.updated_at ?? '') < (b.updated_at ?? '') ? 1 : -1))
    .slice(0, 10);
  const [cur, waiting, rec] = await Promise.all([
    current ? presentTickets(ctx, day, [current], now) : Promise.resolve([]),
    presentTickets(ctx, day, windowLine(day, window.id, settings), now),
    presentTickets(ctx, day, recent, now),
  ]);
  return {
    window: { id: window.id, name: window.name },
    windows: open.map((w) => ({ id: w.id, name: w.name })),
    services: day.services.filter((s) => s.active === 1).map((s) => ({ id: s.id, code: s.code, name: s.name, windowIds: windowIdsOf(s) })),
    current: cur[0] ?? null,
    waiting,
    recent: rec,
    noShowMinutes: settings.noShowMinutes,
    phoneTakeUrl: takeUrlAt((await publicUrlOf(db, ctx.config)).url, window.org_id),
  };
}

/** 手机查看排队进度 (public, by the ticket's secret token). */
export async function ticketPosition(ctx: AppContext, token: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const ticket = await repo.findTicketByToken(db, token);
  if (!ticket) throw notFound('这张排队号（二维码可能不完整，请重新扫描小票上的二维码）');
  const day = await loadDay(db, ticket.org_id, now);
  const org = day?.org ?? (await findOrg(db, ticket.org_id));
  const service = await repo.findService(db, ticket.service_id);
  const windows = await windowsByIds(db, [ticket.window_id]);
  const settings = await hallSettingsOf(db, ticket.org_id);
  const fresh = day?.tickets.find((t) => t.id === ticket.id);
  return {
    number: ticket.number,
    serviceName: service?.name ?? '',
    status: ticket.status as TicketStatus,
    ahead: day && fresh ? aheadOfTicket(day, fresh, settings) : 0,
    windowName: ticket.window_id ? (windows.get(ticket.window_id)?.name ?? null) : null,
    calledAt: ticket.called_at,
    orgName: org?.center_name ?? '',
    orgId: ticket.org_id,
    day: ticket.day,
    /** the number is of an earlier day: it no longer counts */
    expired: day ? ticket.day !== day.day : true,
  };
}


/** 办件的排队记录 for the case page: who may see the case sees the number it came from, with waiting and serving minutes. */
export async function caseTicket(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseTicket> {
  const { db } = ctx.database;
  const row = await findCase(db, caseId);
  if (!row || !maySeeCase(actor.orgId, await scopeOf(db, actor), row)) throw notFound('该办件');
  const t = await repo.ticketOfCase(db, caseId);
  if (!t) return { ticket: null };
  const [service, windows] = await Promise.all([repo.findService(db, t.service_id), windowsByIds(db, [t.window_id])]);
  const times = { issuedAt: t.issued_at, calledAt: t.called_at, startedAt: t.started_at, finishedAt: t.finished_at };
  const { waiting, serving } = ticketMinutes(times);
  return {
    ticket: {
      number: t.number,
      serviceName: service?.name ?? '',
      windowName: t.window_id ? (windows.get(t.window_id)?.name ?? null) : null,
      ...times,
      waitingMinutes: waiting === null ? null : Math.round(waiting),
      servingMinutes: serving === null ? null : Math.round(serving),
    },
  };
}
