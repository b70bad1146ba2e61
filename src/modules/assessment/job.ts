/**
 * The assessment's nightly run (issue 13 §2): recomputes the automatic deductions of this month and last month for
 * every center whose month is still open (last month stays open until the director closes it). Idempotent.
 */
import { addMonths } from '../../domain/calendar/months.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import type { AppContext } from '../../server/context.js';
import { recomputeMonth } from './compute.js';

export const assessmentRecomputeJob = {
  name: 'assessment-recompute',
  title: '考核自动扣分：按超期、投诉、差评、监察、考勤等记录计算本月和上月（未关账）的扣分',
  schedule: '30 1 * * *',
  runAtStart: false,
  async run(ctx: AppContext, now: Date): Promise<string | null> {
    const month = localDate(now, ctx.config.timeZone).slice(0, 7);
    let added = 0;
    let withdrawn = 0;
    for (const m of [addMonths(month, -1), month]) {
      const r = await recomputeMonth(ctx, m, null, now);
      added += r.added;
      withdrawn += r.withdrawn;
    }
    return added + withdrawn > 0 ? `考核自动扣分：新增 ${added} 条，撤回 ${withdrawn} 条` : null;
  },
};
