/**
 * 投诉催办 (issue 10 §2, REFERENCES.md 12345 practice: a reminder the day after expiry): every hour, each unanswered
 * complaint whose limit (or extended limit) has passed gets one reminder — an event on its timeline and a message to
 * its handler and the center's director(s). Marked on the complaint in the same transaction, so it is sent once
 * however often the job runs (and once across processes).
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { effectiveDue, type ComplaintStatus } from '../../domain/complaints/complaints.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { recordAudit } from '../audit/repo.js';
import { findOrg } from '../orgs/repo.js';
import { notifyReminder } from './notify.js';
import * as repo from './repo.js';

export async function remindOverdueComplaints(ctx: AppContext, now: Date): Promise<number> {
  const today = localDate(now, ctx.config.timeZone);
  const due = await repo.dueForReminder(ctx.database.db, today);
  let sent = 0;
  for (const c of due) {
    await ctx.database.db.transaction().execute(async (trx) => {
      if (!(await repo.markReminded(trx, c.id, now.toISOString()))) return;
      const org = await findOrg(trx, c.org_id);
      const dueDate = effectiveDue({ dueDate: c.due_date, extendedDue: c.extended_due });
      await repo.appendEvent(trx, {
        id: randomUUID(),
        complaint_id: c.id,
        type: 'remind',
        at: now.toISOString(),
        by_user_id: null,
        from_status: c.status as ComplaintStatus,
        to_status: c.status as ComplaintStatus,
        text: `已超过答复时限 ${dueDate}，催办承办人和中心主任`,
      });
      await notifyReminder(trx, c, org?.center_name ?? '', dueDate, now);
      await recordAudit(trx, { at: now, userId: null, action: 'complaint.remind', targetType: 'complaint', targetId: c.id, detail: { complaintNo: c.complaint_no, dueDate } });
      sent++;
    });
  }
  return sent;
}

export const complaintReminderJob: Job = {
  name: 'complaint-reminders',
  title: '投诉催办：超过答复时限的次日提醒承办人和中心主任（每件一次）',
  schedule: '5 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const sent = await remindOverdueComplaints(ctx, now);
    return sent > 0 ? `投诉催办：${sent} 件` : null;
  },
};
