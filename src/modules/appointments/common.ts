/** Shared pieces of 预约: the center's clock, the days-ahead setting, a service and its plan, the view of a booking. */
import type { AppointmentView } from '../../domain/contract/appointments.js';
import { weekdayName } from '../../domain/calendar/calendar.js';
import { localDate, localTime } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_DAYS_AHEAD, STATUS_NAMES, VIA_NAMES, type AppointmentStatus, type AppointmentVia, type Now, type Refusal, type SlotRange } from '../../domain/hall/slots.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { fromJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { findService, type ServiceRow } from '../hall/repo.js';
import { findOrg } from '../orgs/repo.js';
import { getSetting } from '../settings/repo.js';
import { findUser } from '../users/repo.js';
import type { AppointmentRow, PlanRow } from './repo.js';

export const refused = (r: Refusal) => new DomainError(r.code, r.message, undefined, r.status);

export const nowAt = (instant: Date, timeZone: string): Now => ({ today: localDate(instant, timeZone), time: localTime(instant, timeZone) });

export const daysAheadKey = (orgId: string) => `appointments.daysAhead.${orgId}`;
export const daysAheadOf = async (db: Db, orgId: string): Promise<number> => fromJson<number | null>(await getSetting(db, daysAheadKey(orgId)), null) ?? DEFAULT_DAYS_AHEAD;

export const rangesOf = (plan: PlanRow | undefined): SlotRange[] => fromJson<SlotRange[]>(plan?.ranges, []);

export async function centerOf(db: Db, orgId: string) {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('该中心');
  return org;
}

/** An active service of the center, else 404 in words the caller understands. */
export async function serviceOf(db: Db, serviceId: string, orgId?: string): Promise<ServiceRow> {
  const s = await findService(db, serviceId);
  if (!s || s.active !== 1 || (orgId !== undefined && s.org_id !== orgId)) throw notFound('该大厅服务（可能已停用），请刷新页面后重新选择');
  return s;
}

export function appointmentView(row: AppointmentRow, names: { orgName: string; serviceName: string; bookedByName?: string | null }, masked = false): AppointmentView {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: names.orgName,
    serviceId: row.service_id,
    serviceName: names.serviceName,
    day: row.day,
    weekday: weekdayName(row.day),
    start: row.start,
    end: row.end,
    name: row.name,
    phone: masked ? maskPhone(row.phone) : row.phone,
    code: row.code,
    status: row.status as AppointmentStatus,
    statusName: STATUS_NAMES[row.status as AppointmentStatus] ?? row.status,
    via: row.via as AppointmentVia,
    viaName: VIA_NAMES[row.via as AppointmentVia] ?? row.via,
    bookedByName: names.bookedByName ?? null,
    note: row.note,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    checkedInAt: row.checked_in_at,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** Views of many bookings: the names of centers, services and bookers looked up once each. */
export async function viewsOf(db: Db, rows: readonly AppointmentRow[], masked = false): Promise<AppointmentView[]> {
  const orgs = new Map<string, string>();
  const services = new Map<string, string>();
  const users = new Map<string, string | null>();
  for (const r of rows) {
    if (!orgs.has(r.org_id)) orgs.set(r.org_id, (await findOrg(db, r.org_id))?.center_name ?? '');
    if (!services.has(r.service_id)) services.set(r.service_id, (await findService(db, r.service_id))?.name ?? '');
    if (r.booked_by && !users.has(r.booked_by)) {
      users.set(r.booked_by, (await findUser(db, r.booked_by))?.name ?? null);
    }
  }
  return rows.map((r) => appointmentView(r, { orgName: orgs.get(r.org_id)!, serviceName: services.get(r.service_id)!, bookedByName: r.booked_by ? users.get(r.booked_by) : null }, masked));
}
