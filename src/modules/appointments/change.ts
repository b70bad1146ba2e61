/**
 * Cancelling and checking in a booking (issue 12 §3). Each checks who may (403), the booking's version (409 when
 * someone changed it meanwhile), the domain rule (src/domain/hall/slots.ts), then writes in one transaction.
 * Cancelling gives the place back and sends an SMS. Checking in (kiosk with the 6-digit code, or the window) issues a
 * number with source 'appointment' in the same transaction (src/modules/hall/issue-ticket.ts): it goes to the head
 * of its service's line; the displays hear of it after the commit.
 */
import { decideCancel, decideCheckIn } from '../../domain/hall/slots.js';
import { retryOnUniqueViolation } from '../../db/portable.js';
import { messageDay } from '../../domain/notifications/templates.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, HttpError, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { issueTicket, type TicketIssued } from '../hall/issue-ticket.js';
import { publishHall } from '../hall/publish.js';
import { findTicketByKey } from '../hall/repo.js';
import { enqueue } from '../notifications/outbox.js';
import { centerOf, nowAt, refused, serviceOf } from './common.js';
import { publishAppointment } from './publish.js';
import * as repo from './repo.js';

export type Canceller = { kind: 'applicant'; applicantId: string } | { kind: 'staff'; actor: Actor };

function assertMayCancel(row: repo.AppointmentRow, who: Canceller): void {
  if (who.kind === 'applicant') {
    if (row.applicant_id !== who.applicantId) throw notFound('该预约');
    return;
  }
  const { actor } = who;
  const window = (actor.roles.includes('clerk') || actor.roles.includes('director')) && actor.orgId === row.org_id;
  const ownAgent = actor.roles.includes('agent') && row.booked_by === actor.userId;
  if (!window && !ownAgent) throw forbidden('取消这个预约');
}

export async function cancelAppointment(ctx: AppContext, who: Canceller, id: string, expectedVersion: number): Promise<void> {
  const now = ctx.clock();
  const orgId = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findAppointment(trx, id);
    if (!row) throw notFound('该预约');
    assertMayCancel(row, who);
    if (row.version !== expectedVersion) throw versionConflict();
    const org = await centerOf(trx, row.org_id);
    const decision = decideCancel(row, nowAt(now, org.time_zone));
    if (!decision.ok) throw refused(decision);
    const at = now.toISOString();
    const by = who.kind === 'applicant' ? `applicant:${who.applicantId}` : `user:${who.actor.userId}`;
    if (!(await repo.updateAppointment(trx, id, expectedVersion, { status: 'cancelled', active_key: null, cancelled_at: at, cancelled_by: by, updated_at: at }, 'booked'))) throw versionConflict();
    await repo.givePlaceBack(trx, row.service_id, row.day, row.start);
    const service = await serviceOf(trx, row.service_id).catch(() => null);
    await enqueue(
      trx,
      [
        {
          channel: 'sms',
          to: row.phone,
          template: 'appointment-cancelled',
          params: { center: org.center_name, day: messageDay(row.day), start: row.start, end: row.end, service: service?.name ?? '大厅服务' },
          dedupeKey: `appointment-cancelled:${row.id}`,
        },
      ],
      now,
    );
    await recordAudit(trx, {
      at: now,
      userId: who.kind === 'staff' ? who.actor.userId : null,
      action: 'appointment.cancel',
      targetType: 'appointment',
      targetId: id,
      detail: { orgId: row.org_id, day: row.day, start: row.start, by },
    });
    return row.org_id;
  });
  publishAppointment(ctx, orgId, id, 'cancel');
}

const badCode = () => new HttpError('APPOINTMENT_CODE_UNKNOWN', '签到码不正确，或不是今天在本中心的预约。请核对短信里的 6 位签到码；没有预约的请直接取号。', undefined, 404);

async function checkIn(ctx: AppContext, find: (trx: Db, today: string) => Promise<repo.AppointmentRow | undefined>, orgId: string, by: Actor | null, expectedVersion?: number, key?: string) {
  const now = ctx.clock();
  const org = await centerOf(ctx.database.db, orgId);
  const clock = nowAt(now, org.time_zone);
  const done = await retryOnUniqueViolation(() =>
    ctx.database.db.transaction().execute(async (trx) => {
      const row = await find(trx, clock.today);
      if (!row) throw by ? notFound('该预约') : badCode();
      const issue = { orgId: row.org_id, serviceId: row.service_id, source: 'appointment' as const, phone: row.phone, appointmentId: row.id, idempotencyKey: key ?? null };
      // the kiosk's same request again (a double tap, a lost answer): the number it took, not a refusal
      if (key && row.status === 'checked_in' && (await findTicketByKey(trx, row.org_id, key))?.appointment_id === row.id) return { id: row.id, ticket: await issueTicket(ctx, issue, now, trx) };
      if (expectedVersion !== undefined && row.version !== expectedVersion) throw versionConflict();
      const decision = decideCheckIn(row, clock);
      if (!decision.ok) throw refused(decision);
      const ticket: TicketIssued = await issueTicket(ctx, issue, now, trx);
      const at = now.toISOString();
      const patch = { status: 'checked_in', checked_in_at: at, ticket_id: ticket.id, ticket_number: ticket.number, updated_at: at };
      if (!(await repo.updateAppointment(trx, row.id, row.version, patch, 'booked'))) throw versionConflict();
      await recordAudit(trx, {
        at: now,
        userId: by?.userId ?? null,
        action: 'appointment.check-in',
        targetType: 'appointment',
        targetId: row.id,
        detail: { orgId: row.org_id, ticketId: ticket.id, number: ticket.number, at: by ? 'window' : 'kiosk' },
      });
      return { id: row.id, ticket };
    }),
  );
  publishHall(ctx, orgId, done.ticket.id, 'issue');
  publishAppointment(ctx, orgId, done.id, 'check-in');
  return done;
}

/** 取号机签到: the 6-digit code of today's booking at this center. */
export const checkInByCode = (ctx: AppContext, orgId: string, code: string, key?: string) => checkIn(ctx, (trx, today) => repo.findByCode(trx, orgId, today, code), orgId, null, undefined, key);

/** 窗口签到: the clerk of the booking's center checks it in. */
export async function checkInAtWindow(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const row = await repo.findAppointment(ctx.database.db, id);
  if (!row) throw notFound('该预约');
  if (row.org_id !== actor.orgId) throw forbidden('为其他中心的预约签到');
  return checkIn(ctx, (trx) => repo.findAppointment(trx, id), row.org_id, actor, expectedVersion);
}
