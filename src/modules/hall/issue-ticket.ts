/**
 * 取号 (issue 12 §1): a number from the kiosk, a phone, a window, or an appointment checked in. Numbers restart
 * every day per service (A001 …, the center's local date); two numbers taken at the same moment never share one
 * (unique index, the loser takes the next). An appointment's number goes to the head of its service's line
 * (src/domain/hall/queue-order.ts). The phone, if given, is kept for the one "N in line" SMS only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { ticketNumber, type TicketPriority, type TicketSource } from '../../domain/hall/ticket.js';
import { retryOnUniqueViolation } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { publicUrlOf } from '../settings/service.js';
import { lockHall } from './change.js';
import { aheadOfTicket, loadDay } from './line.js';
import { notifyPositions, smsNotNeeded } from './positions.js';
import { positionUrlAt, publishHall } from './publish.js';
import * as repo from './repo.js';
import { hallSettingsOf } from './settings.js';

export interface IssueTicketInput {
  orgId: string;
  serviceId: string;
  source: TicketSource;
  priority?: 'elderly' | 'disabled' | null;
  phone?: string | null;
  appointmentId?: string | null;
  /** the kiosk's or phone's Idempotency-Key: the same request twice is one number */
  idempotencyKey?: string | null;
}

export type TicketIssued = {
  id: string;
  number: string;
  serviceId: string;
  serviceName: string;
  ahead: number;
  issuedAt: string;
  token: string;
  positionUrl: string | null;
};

async function present(ctx: AppContext, db: Db, ticket: repo.TicketRow, now: Date): Promise<TicketIssued> {
  const settings = await hallSettingsOf(db, ticket.org_id);
  const day = await loadDay(db, ticket.org_id, now);
  const fresh = day?.tickets.find((t) => t.id === ticket.id) ?? ticket;
  const service = await repo.findService(db, ticket.service_id);
  return {
    id: ticket.id,
    number: ticket.number,
    serviceId: ticket.service_id,
    serviceName: service?.name ?? '',
    ahead: day ? aheadOfTicket(day, fresh, settings) : 0,
    issuedAt: ticket.issued_at,
    token: ticket.public_token,
    positionUrl: positionUrlAt((await publicUrlOf(db, ctx.config)).url, ticket.public_token),
  };
}

/**
 * Takes a number. Inside another module's transaction pass it as `db`; that caller then calls publishHall(ctx, orgId,
 * ticketId, 'issue') after its commit (./publish.ts), so the displays hear of it.
 */
export async function issueTicket(ctx: AppContext, input: IssueTicketInput, now: Date, db: Db = ctx.database.db): Promise<TicketIssued> {
  const key = input.idempotencyKey ?? null;
  // the key gives back its number only for the same request (a check-in's carries its appointment): the key sent
  // again for another service or another appointment is refused, not answered with the first number
  const { idempotencyKey: _key, ...asked } = input;
  const fingerprint = key ? requestFingerprint('POST /api/hall/tickets', asked) : null;
  const work = async (trx: Db): Promise<repo.TicketRow> => {
    await lockHall(ctx, trx, input.orgId);
    if (key) {
      const stored = await repo.findTicketByKey(trx, input.orgId, key);
      if (stored) {
        assertSameRequest(stored.idempotency_fingerprint, fingerprint!, '重新取号');
        return stored;
      }
    }
    const service = await repo.findService(trx, input.serviceId);
    if (!service || service.org_id !== input.orgId) throw notFound('该服务（请刷新取号页面后重新选择）');
    if (service.active !== 1) throw new DomainError('HALL_SERVICE_CLOSED', `“${service.name}”今天暂停取号，请选择其他服务或到咨询台询问。`, undefined, 409);
    const day = await loadDay(trx, input.orgId, now);
    if (!day) throw notFound('该中心');
    const settings = await hallSettingsOf(trx, input.orgId);
    const seq = (await repo.lastSeq(trx, service.id, day.day)) + 1;
    if (seq > 999) throw new DomainError('HALL_NUMBERS_USED_UP', `“${service.name}”今天的号已经取完，请明天再来或到咨询台询问。`, undefined, 409);
    const priority: TicketPriority = input.source === 'appointment' ? 'appointment' : (input.priority ?? 'none');
    const at = now.toISOString();
    const row: repo.TicketRow = {
      id: randomUUID(),
      org_id: input.orgId,
      service_id: service.id,
      issued_service_id: service.id,
      day: day.day,
      seq,
      number: ticketNumber(service.code, seq),
      source: input.source,
      priority,
      green_reason: null,
      green_granted_by: null,
      appointment_id: input.appointmentId ?? null,
      phone: input.phone ?? null,
      status: 'waiting',
      window_id: null,
      called_by: null,
      issued_at: at,
      called_at: null,
      started_at: null,
      finished_at: null,
      recalls: 0,
      case_id: null,
      public_token: randomBytes(18).toString('base64url'),
      idempotency_key: key,
      idempotency_fingerprint: fingerprint,
      position_sms_at: null,
      updated_at: at,
      version: 1,
    };
    await repo.insertTicket(trx, row);
    await repo.insertTicketEvent(trx, {
      ticket_id: row.id,
      org_id: row.org_id,
      action: 'issue',
      from_status: null,
      to_status: 'waiting',
      service_id: service.id,
      window_id: null,
      reason: null,
      by_user_id: null,
      at,
    });
    if (row.phone) {
      const withIt = { ...day, tickets: [...day.tickets, row] };
      if (smsNotNeeded(aheadOfTicket(withIt, row, settings), settings)) {
        await trx.updateTable('hall_tickets').set({ position_sms_at: at }).where('id', '=', row.id).execute();
      }
    }
    // an appointment at the head pushes others back: nobody crosses the SMS distance by it, but keep the rule whole
    const after = await loadDay(trx, input.orgId, now);
    if (after) await notifyPositions(trx, after, settings, now);
    return row;
  };
  // a number lost to a simultaneous taker, or the same Idempotency-Key sent twice: the next try sees the winner
  const row = db.isTransaction ? await work(db) : await retryOnUniqueViolation(() => db.transaction().execute(work));
  // inside another module's transaction the caller publishes after its commit (publishHall)
  if (!db.isTransaction) publishHall(ctx, row.org_id, row.id, 'issue');
  return present(ctx, db, row, now);
}
