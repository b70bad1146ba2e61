/**
 * 预约提醒和爽约 (issue 12 §3): each hour, bookings of tomorrow get their reminder SMS (once: marked on the booking in
 * the same transaction, and the outbox's dedupe key), and bookings of a day gone by still unchecked become no-shows
 * (counted per service and month for the director). Reminders go out from 09:00 so nobody's phone rings at night.
 */
import { addCalendarDays, weekdayName } from '../../domain/calendar/calendar.js';
import { localDate, localTime } from '../../domain/calendar/office-hours.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { findService } from '../hall/repo.js';
import { enqueue } from '../notifications/outbox.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './repo.js';

export async function sendReminders(ctx: AppContext, now: Date): Promise<number> {
  const tz = ctx.config.timeZone;
  if (localTime(now, tz) < '09:00') return 0;
  const tomorrow = addCalendarDays(localDate(now, tz), 1);
  const { db } = ctx.database;
  let sent = 0;
  for (const b of await repo.dueReminders(db, tomorrow)) {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.markReminded(trx, b.id, now.toISOString()))) return;
      const org = await findOrg(trx, b.org_id);
      const service = await findService(trx, b.service_id);
      await enqueue(
        trx,
        [
          {
            channel: 'sms',
            to: b.phone,
            template: 'appointment-reminder',
            params: { center: org?.center_name ?? '', day: b.day, weekday: weekdayName(b.day), start: b.start, end: b.end, service: service?.name ?? '大厅服务', code: b.code },
            dedupeKey: `appointment-reminder:${b.id}`,
          },
        ],
        now,
      );
      sent++;
    });
  }
  return sent;
}

export const markNoShows = (ctx: AppContext, now: Date) => repo.markNoShows(ctx.database.db, localDate(now, ctx.config.timeZone), now.toISOString());

export const appointmentJob: Job = {
  name: 'appointments',
  title: '预约：前一天发提醒短信（每个预约一次），预约日过后未签到的记为爽约',
  schedule: '15 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const reminded = await sendReminders(ctx, now);
    const missed = await markNoShows(ctx, now);
    return reminded + missed > 0 ? `预约：提醒 ${reminded} 条，爽约 ${missed} 个` : null;
  },
};
