/**
 * 信访时限预警: every ten minutes, the staff clocks (3日答复, 一周内领导接待, 15日告知受理, 60日办结, 复查, 复核) of the
 * petitions still open; a clock that turned yellow or red warns once (the outbox's dedupe key names the petition,
 * the clock, its due date and the light: an extension re-arms the finish clock). Idempotent; once across processes
 * like every job (src/server/jobs.ts).
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { STAFF_CLOCKS, petitionClocks } from '../../domain/petitions/petitions.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { deliverInbox } from '../notifications/send.js';
import { orgsByIds } from '../orgs/repo.js';
import { warnClock } from './notify.js';
import * as repo from './repo.js';
import { countersFor, stateOf } from './view.js';

export async function warnPetitionClocks(ctx: AppContext, now: Date): Promise<{ checked: number; warnings: number }> {
  let warnings = 0;
  let checked = 0;
  await ctx.database.db.transaction().execute(async (trx) => {
    const rows = await repo.openPetitions(trx);
    checked = rows.length;
    const [orgs, counter] = await Promise.all([orgsByIds(trx, rows.map((r) => r.org_id)), countersFor(trx, rows.map((r) => r.day_count))]);
    for (const r of rows) {
      const org = orgs.get(r.org_id);
      const today = localDate(now, org?.time_zone ?? ctx.config.timeZone);
      for (const clock of petitionClocks(stateOf(r, r.status === 'handed_over'), today, counter(r.day_count))) {
        if (STAFF_CLOCKS.includes(clock.name) && (clock.light === 'yellow' || clock.light === 'red')) {
          warnings += await warnClock(trx, r, org?.center_name ?? '', clock, now);
        }
      }
    }
  });
  if (warnings > 0) await deliverInbox(ctx, now);
  return { checked, warnings };
}

export const petitionClocksJob: Job = {
  name: 'petition-clocks',
  title: '信访时限预警：3日答复、一周内领导接待、15日告知受理、60日办结、复查复核临近或超期时提醒（每个时限每种灯只提醒一次）',
  schedule: '*/10 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const { checked, warnings } = await warnPetitionClocks(ctx, now);
    return warnings > 0 ? `信访时限预警：检查 ${checked} 件，黄灯红灯 ${warnings} 条消息（重复的不再发送）` : null;
  },
};
