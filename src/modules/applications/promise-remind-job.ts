/**
 * 告知承诺核查提醒 (src/domain/applications/promises.ts): from three days before a promise's last day, the directors of
 * the center that received its case are reminded in-app once a day of every promise still to be checked, with the
 * case numbers, until each check is recorded.
 */
import { promiseReminderDue } from '../../domain/applications/promises.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { findCase } from '../cases/repo.js';
import { sendDailyReminders, type DailyReminder } from '../notifications/daily-reminders.js';
import { listOrgs } from '../orgs/repo.js';
import { activeWithRole } from '../users/repo.js';
import * as repo from './repo.js';

export async function remindPromiseChecks(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  const today = localDate(now, ctx.config.timeZone);
  const byCenter = new Map<string, { caseNo: string; overdue: boolean }[]>();
  for (const p of await repo.uncheckedPromises(db)) {
    if (!promiseReminderDue(p.promise_due!, today)) continue;
    const c = await findCase(db, p.case_id!);
    if (c) byCenter.set(c.receiving_org_id, [...(byCenter.get(c.receiving_org_id) ?? []), { caseNo: c.case_no, overdue: today > p.promise_due! }]);
  }
  const reminders: DailyReminder[] = [];
  for (const org of (await listOrgs(db)).filter((o) => byCenter.has(o.id))) {
    const list = byCenter.get(org.id)!;
    const overdue = list.filter((p) => p.overdue).length;
    reminders.push({
      orgId: org.id,
      today,
      to: await activeWithRole(db, org.id, 'director'),
      template: 'promise-check-reminder',
      params: { center: org.center_name, count: String(list.length), overdue: overdue > 0 ? `（其中${overdue}项已过核查期限）` : '', cases: [...new Set(list.map((p) => p.caseNo))].join('、') },
    });
  }
  return sendDailyReminders(ctx, now, reminders);
}

export const promiseCheckReminderJob: Job = {
  name: 'promise-check-reminders',
  title: '告知承诺核查提醒：核查期限前三天起，每天提醒受理中心的主任一次，直到登记核查结果',
  schedule: '0 9 * * *',
  runAtStart: true,
  async run(ctx, now) {
    const n = await remindPromiseChecks(ctx, now);
    return n > 0 ? `告知承诺核查提醒：${n} 个中心` : null;
  },
};
