import type { Job } from '../../server/jobs.js';
import { sweepSupervision } from './record.js';
import { publishViolations } from './violations-publish.js';

/**
 * The supervision sweep (issue 9 §1): every five minutes, the rules the clock decides (promise overrun, immediate
 * case past its day, special step past its limit, late hops, objections unanswered) on the cases whose limits passed
 * since the last run. Idempotent; once across processes like every job (src/server/jobs.ts).
 */
export const supervisionSweepJob: Job = {
  name: 'supervision-sweep',
  title: '电子监察巡检：承诺件超期、即办件当日未办结、特殊环节超时、转报和回复超时、异议逾期未答复',
  schedule: '*/5 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const { evaluated, recorded } = await sweepSupervision(ctx, now);
    // committed: the consoles of those centers' trees count again (a case change would have told them; time did)
    publishViolations(ctx, recorded.map((f) => f.orgId), 'record');
    return recorded.length > 0 ? `电子监察巡检：检查 ${evaluated} 件，新记录 ${recorded.length} 条` : null;
  },
};
