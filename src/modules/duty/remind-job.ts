/**
 * 值班表发布提醒 (issue 12 §5): from the 20th of a month, every center (township and county) whose roster for next month
 * is not published yet reminds its director(s) in-app, once a day at most: the outbox's dedupe key names the center,
 * the month, the day and the person, so however often the job runs (and across processes) one message a day is sent.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { rosterReminderMonth } from '../../domain/duty/roster.js';
import type { Role } from '../../domain/roles.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { enqueue } from '../notifications/outbox.js';
import { deliverInbox } from '../notifications/send.js';
import { listOrgs } from '../orgs/repo.js';
import { listUsers } from '../users/repo.js';
import * as repo from './repo.js';

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export async function remindRosters(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  let reminded = 0;
  for (const org of (await listOrgs(db)).filter((o) => o.level !== 'village')) {
    const today = localDate(now, org.time_zone);
    const month = rosterReminderMonth(today);
    if (!month) continue;
    if ((await repo.findRoster(db, org.id, month))?.status === 'published') continue;
    const directors = (await listUsers(db, [org.id])).filter((u) => toBool(u.active) && fromJson<Role[]>(u.roles, []).includes('director'));
    if (directors.length === 0) continue;
    await enqueue(
      db,
      directors.map((d) => ({
        channel: 'inbox' as const,
        to: d.id,
        template: 'duty-roster-reminder' as const,
        params: { center: org.center_name, month: monthText(month) },
        dedupeKey: `duty-roster-reminder:${org.id}:${month}:${today}:${d.id}`,
      })),
      now,
    );
    reminded++;
  }
  if (reminded > 0) await deliverInbox(ctx, now);
  return reminded;
}

export const dutyRosterReminderJob: Job = {
  name: 'duty-roster-reminders',
  title: '值班表发布提醒：每月20日起，下月领导带班值班表未发布的，每天提醒中心主任一次',
  schedule: '0 9 * * *',
  runAtStart: true,
  async run(ctx, now) {
    const n = await remindRosters(ctx, now);
    return n > 0 ? `值班表发布提醒：${n} 个中心` : null;
  },
};
