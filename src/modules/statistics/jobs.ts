import type { Job } from '../../server/jobs.js';
import { monthToSnapshot, remindReports, snapshotMonth } from './service.js';

/**
 * 月末快照 (issue 13 §1): just after midnight on the 1st, version 1 of every center's report of the month just ended
 * is taken and locked. It also runs at start and every day at 00:30, catching up after downtime; a center already
 * snapshotted is left alone (idempotent; once across processes as every job).
 */
export const monthlySnapshotJob: Job = {
  name: 'monthly-report-snapshot',
  title: '月度统计快照：每月1日零点后锁定上月各中心的月报数据（已生成的不重复生成）',
  schedule: '30 0 * * *',
  runAtStart: true,
  async run(ctx, now) {
    const month = monthToSnapshot(now, ctx.config.timeZone);
    const n = await snapshotMonth(ctx, month, now);
    return n > 0 ? `月度统计快照：${month} 生成 ${n} 份` : null;
  },
};

/** 月报报送提醒: from two days before the due day, once a day, to the centers that have not submitted yet. */
export const monthlyReminderJob: Job = {
  name: 'monthly-report-reminders',
  title: '月报报送提醒：截止日前两天起，每天提醒未报送的村代办员、乡镇中心主任一次',
  schedule: '0 9 * * *',
  async run(ctx, now) {
    const n = await remindReports(ctx, now);
    return n > 0 ? `月报报送提醒：${n} 个单位` : null;
  },
};
