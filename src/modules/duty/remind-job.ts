/**
 * 值班表发布提醒 (issue 12 §5): from the 20th of a month, every center (township and county) whose roster for next month
 * is not published yet reminds its director(s) in-app, once a day at most: the outbox's dedupe key names the center,
 * the month, the day and the person, so however often the job runs (and across processes) one message a day is sent.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { monthText } from '../../domain/calendar/months.js';
import { rosterReminderMonth } from '../../domain/duty/roster.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { sendDailyReminders, type DailyReminder } from '../notifications/daily-reminders.js';
import { listOrgs } from '../orgs/repo.js';
import { activeWithRole } from '../users/repo.js';
import * as repo from './repo.js';

export async function remindRosters(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  const reminders: DailyReminder[] = [];
  for (const org of (await listOrgs(db)).filter((o) => o.level !== 'village')) {
    const today = localDate(now, org.time_zone);
    const month = rosterReminderMonth(today);
    if (!month) continue;
    if ((await repo.findRoster(db, org.id, month))?.status === 'published') continue;
    reminders.push({
      orgId: org.id,
      about: month,
      today,
      to: await activeWithRole(db, org.id, 'director'),
      template: 'duty-roster-reminder',
      params: { center: org.center_name, month: monthText(month) },
    });
  }
  return sendDailyReminders(ctx, now, reminders);
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
