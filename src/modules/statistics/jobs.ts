import type { Job } from '../../server/jobs.js';
import { monthToSnapshot, remindReports, snapshotMonth } from './service.js';

/**
 * 月末快照 (issue 13 §1): after midnight on the 1st, version 1 of every center's report of the month just ended is
 * taken and locked. A snapshot waits while case events its figures depend on are not handled yet (the job ran before
 * the event consumers, or the server restarted over the month's end with events queued), so the job runs every hour
 * and at start, to lock soon after they are; the first run of a month is at 00:15 on the 1st, when a write begun just
 * before midnight has long committed. A center already snapshotted is left alone (idempotent; once across processes
 * as every job): a run after that only looks.
 */
export const monthlySnapshotJob: Job = {
  name: 'monthly-report-snapshot',
  title: '月度统计快照：每月1日零点后锁定上月各中心的月报数据（办件动态处理完才锁定；已生成的不重复生成）',
  schedule: '15 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const month = monthToSnapshot(now, ctx.config.timeZone);
    const { taken, waiting } = await snapshotMonth(ctx, month, now);
    if (waiting > 0) return `月度统计快照：${month} 有办结的办件尚未计入评价统计，${waiting} 份月报暂不锁定，1 小时后再试`;
    return taken > 0 ? `月度统计快照：${month} 生成 ${taken} 份` : null;
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
