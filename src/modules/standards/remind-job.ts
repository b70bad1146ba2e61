/**
 * 整改提醒 (issue 13 §4): from three days before a gap's deadline, every village and township with gaps still
 * without a rectification reminds whoever records it — the village's agents, the township's directors — in-app once a
 * day (the outbox's dedupe key names the center, the day and the person), until each is rectified; the message says
 * how many are past their deadline. The rule is the domain's (gapReminder).
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import type { Role } from '../../domain/roles.js';
import { gapReminder, type GapStatus } from '../../domain/standards/rounds.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { enqueue } from '../notifications/outbox.js';
import { deliverInbox } from '../notifications/send.js';
import { listOrgs } from '../orgs/repo.js';
import { listUsers } from '../users/repo.js';
import * as repo from './repo.js';

const dayText = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export async function remindGaps(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  const byCenter = new Map<string, { status: GapStatus; dueDate: string }[]>();
  for (const g of await repo.unrectifiedGaps(db)) byCenter.set(g.org_id, [...(byCenter.get(g.org_id) ?? []), { status: g.status as GapStatus, dueDate: g.due_date }]);
  if (byCenter.size === 0) return 0;
  let reminded = 0;
  for (const org of (await listOrgs(db)).filter((o) => byCenter.has(o.id))) {
    const today = localDate(now, org.time_zone);
    const reminder = gapReminder(byCenter.get(org.id)!, today);
    if (!reminder) continue;
    const role: Role = org.level === 'village' ? 'agent' : 'director';
    const to = (await listUsers(db, [org.id])).filter((u) => toBool(u.active) && fromJson<Role[]>(u.roles, []).includes(role));
    if (to.length === 0) continue;
    const due = reminder.overdue > 0 ? `其中${reminder.overdue}项已超过整改期限（最早${dayText(reminder.nearestDue)}到期）` : `最早一项${dayText(reminder.nearestDue)}到期`;
    await enqueue(
      db,
      to.map((u) => ({
        channel: 'inbox' as const,
        to: u.id,
        template: 'standards-gap-reminder' as const,
        params: { center: org.center_name, count: String(reminder.open), due },
        dedupeKey: `standards-gap-reminder:${org.id}:${today}:${u.id}`,
      })),
      now,
    );
    reminded++;
  }
  if (reminded > 0) await deliverInbox(ctx, now);
  return reminded;
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
