/**
 * 整改提醒 (issue 13 §4): from three days before a gap's deadline, every village and township with gaps still
 * without a rectification reminds whoever records it — the village's agents, the township's directors — in-app once a
 * day, until each is rectified; the message says how many are past their deadline. The rule is the domain's
 * (gapReminder).
 */
import { monthDayText } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { headRoleOf } from '../../domain/roles.js';
import { gapReminder, type GapStatus } from '../../domain/standards/rounds.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { sendDailyReminders, type DailyReminder } from '../notifications/daily-reminders.js';
import { listOrgs } from '../orgs/repo.js';
import { activeWithRole } from '../users/repo.js';
import * as repo from './repo.js';

export async function remindGaps(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  const byCenter = new Map<string, { status: GapStatus; dueDate: string }[]>();
  for (const g of await repo.unrectifiedGaps(db)) byCenter.set(g.org_id, [...(byCenter.get(g.org_id) ?? []), { status: g.status as GapStatus, dueDate: g.due_date }]);
  const reminders: DailyReminder[] = [];
  for (const org of (await listOrgs(db)).filter((o) => byCenter.has(o.id))) {
    const today = localDate(now, org.time_zone);
    const reminder = gapReminder(byCenter.get(org.id)!, today);
    if (!reminder) continue;
    const nearest = monthDayText(reminder.nearestDue);
    reminders.push({
      orgId: org.id,
      today,
      to: await activeWithRole(db, org.id, headRoleOf(org.level)),
      template: 'standards-gap-reminder',
      params: {
        center: org.center_name,
        count: String(reminder.open),
        due: reminder.overdue > 0 ? `其中${reminder.overdue}项已超过整改期限（最早${nearest}到期）` : `最早一项${nearest}到期`,
      },
    });
  }
  return sendDailyReminders(ctx, now, reminders);
}

export const standardsGapReminderJob: Job = {
  name: 'standards-gap-reminders',
  title: '标准化建设整改提醒：整改期限前三天起，每天提醒未完成整改的村代办员或乡镇中心主任一次',
  schedule: '0 9 * * *',
  runAtStart: true,
  async run(ctx, now) {
    const n = await remindGaps(ctx, now);
    return n > 0 ? `整改提醒：${n} 个中心` : null;
  },
};
