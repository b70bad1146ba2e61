/** What 预约 shows: the open slots (public), a day's bookings (window), one's own bookings, the plans, the no-shows. */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { MONTH_PATTERN } from '../../domain/calendar/months.js';
import { openSlots } from '../../domain/hall/slots.js';
import { toCount } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { servicesOf } from '../hall/repo.js';
import { loadCalendar } from '../calendar/repo.js';
import { centerOf, daysAheadOf, nowAt, rangesOf, serviceOf, viewsOf } from './common.js';
import * as repo from './repo.js';

/** GET /api/hall/appointments: the services taking appointments, and for one of them the open slots with places left. */
export async function slotsOf(ctx: AppContext, orgId: string, serviceId: string | undefined) {
  const { db } = ctx.database;
  const org = await centerOf(db, orgId);
  const plans = new Map((await repo.plansOf(db, org.id)).map((p) => [p.service_id, rangesOf(p)]));
  const services = (await servicesOf(db, org.id)).filter((s) => s.active === 1 && (plans.get(s.id)?.length ?? 0) > 0);
  const daysAhead = await daysAheadOf(db, org.id);
  const base = { orgId: org.id, orgName: org.center_name, daysAhead, services: services.map((s) => ({ id: s.id, name: s.name, code: s.code })) };
  if (!serviceId) return { ...base, serviceId: null, serviceName: null, days: [] };
  const service = await serviceOf(db, serviceId, org.id);
  const now = nowAt(ctx.clock(), org.time_zone);
  const taken = await repo.takenOf(db, service.id, now.today, addCalendarDays(now.today, daysAhead));
  const days = openSlots(await loadCalendar(db, 'recent'), plans.get(service.id) ?? [], now, daysAhead, taken);
  return { ...base, serviceId: service.id, serviceName: service.name, days };
}

/** The window's list of a day (default today) at its own center. */
export async function dayList(ctx: AppContext, actor: Actor, orgId: string | undefined, date: string | undefined) {
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) throw forbidden('查看其他中心的预约');
  const org = await centerOf(ctx.database.db, id);
  const day = date ?? nowAt(ctx.clock(), org.time_zone).today;
  return { date: day, appointments: await viewsOf(ctx.database.db, await repo.dayOf(ctx.database.db, id, day)) };
}

/** An applicant's own bookings from a week ago on (cancelled ones too). */
export async function applicantBookings(ctx: AppContext, applicantId: string) {
  const { db } = ctx.database;
  const from = addCalendarDays(nowAt(ctx.clock(), ctx.config.timeZone).today, -7);
  return { date: null, appointments: await viewsOf(db, await repo.ofApplicant(db, applicantId, from)) };
}

/** A village agent's bookings for villagers, from a week ago on. */
export async function agentBookings(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const from = addCalendarDays(nowAt(ctx.clock(), ctx.config.timeZone).today, -7);
  return { date: null, appointments: await viewsOf(db, await repo.bookedBy(db, actor.userId, from)) };
}

/** 爽约统计: per service of the center, a month's bookings, check-ins, cancellations and no-shows. */
export async function noShowCounts(ctx: AppContext, actor: Actor, orgId: string | undefined, month: string | undefined) {
  const { db } = ctx.database;
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) throw forbidden('查看其他中心的预约统计');
  const org = await centerOf(db, id);
  const m = month && MONTH_PATTERN.test(month) ? month : nowAt(ctx.clock(), org.time_zone).today.slice(0, 7);
  const counts = new Map((await repo.monthCounts(db, id, m)).map((c) => [c.service_id, c]));
  const services = await servicesOf(db, id);
  return {
    orgId: id,
    month: m,
    services: services
      .filter((s) => counts.has(s.id) || s.active === 1)
      .map((s) => {
        const c = counts.get(s.id);
        return { serviceId: s.id, serviceName: s.name, total: toCount(c?.total), checkedIn: toCount(c?.checked_in), cancelled: toCount(c?.cancelled), noShows: toCount(c?.no_shows) };
      }),
  };
}
