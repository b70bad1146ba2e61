/**
 * The work-order sweep (job `rating-work-order-sweep`, every five minutes): the open work orders whose step owed now
 * turned yellow (the working day before its due day) or red (overdue) and whose warning of that colour is not yet
 * sent get it — in-app and SMS to the center's director(s) and the responsible person, through the outbox — and
 * the mark of what was sent, in one transaction per run. Idempotent: the mark and the messages' dedupe keys (work
 * order, step, colour, person) let no warning go twice, however often or in how many processes it runs.
 *
 * Supervision: a late return visit (JC-12) or rectification (JC-13) is recorded as a violation of the work order's
 * case in the same run (work-order-supervision.ts), besides the red warning to the director and the person.
 */
import { lightAt } from '../../domain/evaluation/work-orders.js';
import type { Job } from '../../server/jobs.js';
import type { AppContext } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import { notifyWarning } from './work-order-notify.js';
import * as repo from './work-order-repo.js';
import { recordLateWorkOrders } from './work-order-supervision.js';
import { publishViolations } from '../supervision/violations-publish.js';

export async function sweepWorkOrders(ctx: AppContext, now: Date): Promise<{ warned: number; violations: number }> {
  const done = await ctx.database.db.transaction().execute(async (trx) => {
    const rows = await repo.workOrdersToWarn(trx, now.toISOString());
    let warned = 0;
    for (const wo of rows) {
      const light = lightAt({ dueAt: wo.due_at!, yellowAt: wo.yellow_at! }, now);
      if (light !== 'yellow' && light !== 'red') continue;
      if (wo.warned === light) continue;
      const org = await findOrg(trx, wo.org_id);
      await notifyWarning(trx, wo, light, org?.time_zone ?? ctx.config.timeZone, now);
      await repo.markWarned(trx, wo.id, wo.version, light);
      warned++;
    }
    // JC-12 / JC-13: every open step past its due instant (and grace) recorded once as a violation of the case
    const late = await recordLateWorkOrders(trx, await repo.overdueWorkOrders(trx, now.toISOString()), now, ctx.config.timeZone);
    return { warned, violations: late };
  });
  // committed: the consoles of those centers' trees count their 监察记录 again
  publishViolations(ctx, done.violations.map((f) => f.orgId), 'record');
  return { warned: done.warned, violations: done.violations.length };
}

export const workOrderSweepJob: Job = {
  name: 'rating-work-order-sweep',
  title: '差评整改工单巡检：回访核实、整改到期前一个工作日黄灯预警，超期红灯警告',
  schedule: '*/5 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const { warned, violations } = await sweepWorkOrders(ctx, now);
    return warned + violations > 0 ? `差评整改工单巡检：发出预警 ${warned} 条，新监察记录 ${violations} 条` : null;
  },
};
