/**
 * 排队短信 (issue 12 §1): a number taken with a phone gets ONE SMS when only `smsPosition` people are ahead of it
 * (the center's hall setting smsPosition, default 3; 0 turns it off). Run in the transaction of every change of the lines; the
 * ticket's `position_sms_at` and the outbox's dedupe key make it once per ticket. A number that was already that
 * close when taken gets none: the person is in the hall.
 */
import type { Db } from '../../server/context.js';
import { positionSmsDue } from '../../domain/hall/ticket.js';
import { enqueue } from '../notifications/outbox.js';
import { aheadOfTicket, type HallDay } from './line.js';
import type { HallSettings } from './settings.js';

export async function notifyPositions(db: Db, day: HallDay, settings: HallSettings, now: Date): Promise<number> {
  if (settings.smsPosition <= 0) return 0;
  const due = day.tickets.filter((t) => t.status === 'waiting' && t.phone && t.position_sms_at === null);
  let sent = 0;
  for (const t of due) {
    const ahead = aheadOfTicket(day, t, settings);
    if (!positionSmsDue(ahead, settings.smsPosition)) continue;
    const service = day.services.find((s) => s.id === t.service_id);
    await enqueue(
      db,
      [
        {
          channel: 'sms',
          to: t.phone!,
          template: 'hall-position',
          params: { center: day.org.center_name, number: t.number, service: service?.name ?? '', ahead: String(ahead) },
          dedupeKey: `hall-position:${t.id}`,
        },
      ],
      now,
    );
    await db.updateTable('hall_tickets').set({ position_sms_at: now.toISOString() }).where('id', '=', t.id).execute();
    t.position_sms_at = now.toISOString();
    sent++;
  }
  return sent;
}

/** A number taken already within the SMS distance (or with the SMS off) never needs one. */
export const smsNotNeeded = (ahead: number, settings: HallSettings): boolean => settings.smsPosition <= 0 || positionSmsDue(ahead, settings.smsPosition);

