import type { Job } from '../../server/jobs.js';
import { sweepLeaves } from './leave.js';

/**
 * 请假生效/结束 (issue 12 §4): every minute, approved leaves whose period has begun mark the person away (请假, or
 * 出差 for 公出), and those that have ended mark them back 在岗 — so AB routing (rule 8) moves their new work to
 * the backup and back by itself. Idempotent: each leave is started and ended once (conditional marks).
 */
export const leaveWhereaboutsJob: Job = {
  name: 'leave-whereabouts',
  title: '请假去向：假期开始时登记请假（B 岗顶岗），结束时恢复在岗',
  schedule: '* * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const { started, ended } = await sweepLeaves(ctx, now);
    return started + ended > 0 ? `请假去向：开始 ${started} 人，结束 ${ended} 人` : null;
  },
};
