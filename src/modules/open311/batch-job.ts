import type { Job } from '../../server/jobs.js';
import { convertDue } from './batch.js';

/**
 * Open311 batch requests to online applications (issue 11 §5, batch.ts): every 30 seconds, and at start to catch up.
 * A client's request that cannot be filed (a material not a scan, the phone another person's …) is named in the run
 * line and its token answers the reason; a run fails only when something of ours broke (the page shows it; the
 * request is tried again).
 */
export const open311BatchJob: Job = {
  name: 'open311-batch',
  title: 'Open311 批量受理：下载第三方提交的材料，建立网上申请（进入预审）',
  schedule: '*/30 * * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const run = await convertDue(ctx, now);
    if (run.broken.length > 0) throw new Error(`Open311 批量受理出错，将重试：${run.broken.join('；')}`);
    const parts: string[] = [];
    if (run.made > 0) parts.push(`建立网上申请 ${run.made} 件`);
    if (run.retried > 0) parts.push(`下载未成功、稍后重试 ${run.retried} 件`);
    if (run.failed.length > 0) parts.push(`未能建立 ${run.failed.length} 件（${run.failed.map((f) => `token ${f.token}：${f.error}`).join('；')}）`);
    return parts.length > 0 ? `Open311 批量受理：${parts.join('，')}` : null;
  },
};
