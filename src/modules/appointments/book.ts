/**
 * Booking a slot (issue 12 §3): by a signed-in applicant (their own phone and name), by a window clerk for a phone
 * caller, by a village agent for a villager. One transaction: the domain rule (src/domain/hall/slots.ts) decides,
 * one conditional UPDATE takes the place (never over capacity, even for two bookings of the last place at once),
 * the booking is written with a 6-digit check-in code, the confirmation SMS goes into the outbox, the audit entry.
 * An Idempotency-Key makes a double submit one booking (the key sent again with other content is refused, 422); a race
 * for the phone's one booking a day answers 409.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { weekdayName } from '../../domain/calendar/calendar.js';
import { decideBooking, type AppointmentVia } from '../../domain/hall/slots.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { parseMobile } from '../../domain/people/id-number.js';
import { retryOnUniqueViolation } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, HttpError } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { invalid } from '../applicants/checks.js';
import { findById as findApplicant } from '../applicants/repo.js';
import { loadCalendar } from '../calendar/repo.js';
import { enqueue } from '../notifications/outbox.js';
import { orgChain } from '../orgs/repo.js';
import { centerOf, daysAheadOf, nowAt, rangesOf, refused, serviceOf } from './common.js';
import { publishAppointment } from './publish.js';
import * as repo from './repo.js';

export type Booker = { via: 'public'; applicantId: string } | { via: 'window' | 'agent'; actor: Actor };

export interface BookInput {
  orgId: string;
  serviceId: string;
  day: string;
  start: string;
  /** window and agent: the caller's or villager's name and phone; the public books with its account's */
  name?: string | undefined;
  phone?: string | undefined;
  note?: string | undefined;
}

const full = () => new HttpError('SLOT_FULL', '这个时段刚刚被约满了，请选择其他时段。', undefined, 409);

/** May this staff member book at this center? The window: its own center; an agent: a center above its village. */
async function assertMayBook(db: Db, booker: Booker, orgId: string): Promise<void> {
  if (booker.via === 'public') return;
  if (booker.via === 'window') {
    if (booker.actor.orgId !== orgId) throw forbidden('为其他中心办理预约');
    return;
  }
  const chain = await orgChain(db, booker.actor.orgId);
  if (!chain.some((o) => o.id === orgId && o.id !== booker.actor.orgId)) throw forbidden('在本村所属中心以外预约');
}

const ownerOf = (b: Booker) => (b.via === 'public' ? `applicant:${b.applicantId}` : `user:${b.actor.userId}`);

export async function bookAppointment(ctx: AppContext, booker: Booker, input: BookInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const owner = ownerOf(booker);
  // the key answers with its booking only for the same booking: sent again for another day, time or person it is refused
  const fingerprint = requestFingerprint(booker.via === 'public' ? 'POST /api/public/appointments' : 'POST /api/hall/appointments', input);
  const booked = await retryOnUniqueViolation(() =>
    db.transaction().execute(async (trx) => {
      const stored = await repo.findByKey(trx, owner, key);
      if (stored) {
        assertSameRequest(stored.idempotency_fingerprint, fingerprint);
        return { id: stored.id, orgId: stored.org_id, replayed: true };
      }
      const org = await centerOf(trx, input.orgId);
      const service = await serviceOf(trx, input.serviceId, org.id);
      await assertMayBook(trx, booker, org.id);

      let name: string;
      let phone: string;
      if (booker.via === 'public') {
        const account = await findApplicant(trx, booker.applicantId);
        if (!account) throw new HttpError('NOT_SIGNED_IN', '请先登录网上办事账号再预约。', undefined, 401);
        name = account.name;
        phone = account.phone;
      } else {
        name = input.name?.trim() ?? '';
        if (!name) throw invalid('name', '请填写预约人的姓名。');
        const mobile = parseMobile(input.phone ?? '');
        if (!mobile.ok) throw invalid('phone', mobile.error);
        phone = mobile.value;
      }

      const plan = rangesOf(await repo.findPlan(trx, service.id));
      if (plan.length === 0) throw new HttpError('NO_APPOINTMENTS', `“${service.name}”还没有开放预约，请直接到大厅取号，或选择其他服务。`, undefined, 422);
      const clock = nowAt(now, org.time_zone);
      const daysAhead = await daysAheadOf(trx, org.id);
      const calendar = await loadCalendar(trx);
      const taken = (await repo.takenOf(trx, service.id, input.day, input.day)).get(`${input.day} ${input.start}`) ?? 0;
      const activeKey = `${phone}|${service.id}|${input.day}`;
      const decision = decideBooking(calendar, plan, clock, daysAhead, { day: input.day, start: input.start }, taken, !!(await repo.findActive(trx, activeKey)));
      if (!decision.ok) throw refused(decision);
      const range = decision.range;
      if (!(await repo.takePlace(trx, service.id, input.day, range.start, range.capacity))) throw full();

      const at = now.toISOString();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const row: repo.AppointmentRow = {
        id: randomUUID(),
        org_id: org.id,
        service_id: service.id,
        day: input.day,
        start: range.start,
        end: range.end,
        name,
        phone,
        code,
        status: 'booked',
        via: booker.via satisfies AppointmentVia,
        applicant_id: booker.via === 'public' ? booker.applicantId : null,
        booked_by: booker.via === 'public' ? null : booker.actor.userId,
        active_key: activeKey,
        note: input.note?.trim() || null,
        ticket_id: null,
        ticket_number: null,
        checked_in_at: null,
        cancelled_at: null,
        cancelled_by: null,
        reminded_at: null,
        no_show_at: null,
        idem_owner: owner,
        idempotency_key: key,
        idempotency_fingerprint: fingerprint,
        created_at: at,
        updated_at: at,
        version: 1,
      };
      // a unique index refusing this (the phone's booking of the day, the code, the key taken at the same moment):
      // the next try answers ALREADY_BOOKED, draws another code, or replays the first request
      await repo.insertAppointment(trx, row);
      await enqueue(
        trx,
        [
          {
            channel: 'sms',
            to: phone,
            template: 'appointment-booked',
            params: { center: org.center_name, day: row.day, weekday: weekdayName(row.day), start: row.start, end: row.end, service: service.name, code },
            dedupeKey: `appointment-booked:${row.id}`,
          },
        ],
        now,
      );
      await recordAudit(trx, {
        at: now,
        userId: booker.via === 'public' ? null : booker.actor.userId,
        action: 'appointment.book',
        targetType: 'appointment',
        targetId: row.id,
        detail: { orgId: org.id, serviceId: service.id, day: row.day, start: row.start, via: row.via, applicantId: row.applicant_id },
      });
      return { id: row.id, orgId: row.org_id, replayed: false };
    }),
  );
  if (!booked.replayed) publishAppointment(ctx, booked.orgId, booked.id, 'book');
  return { id: booked.id, replayed: booked.replayed };
}
