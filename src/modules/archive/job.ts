/**
 * 自动归档: every night files each case finished at least AUTO_FILE_AFTER_DAYS ago (ratings and rectifications have
 * come in) and not filed yet, at most BATCH per run (the rest the next night); filed by no one (系统自动归档). A case
 * that cannot be filed (a material missing or damaged in the store) is left for the clerk, named in the run's message;
 * one with a 差评整改 or 督办单 still open is passed over without a word and filed on a later night, once they are
 * closed. The candidates are read in the order they were finished, so one night's 件号 follow that order.
 */
import { autoFileCutoff } from '../../domain/archive/rules.js';
import { TERMINAL_STATUSES } from '../../domain/cases/terminal.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { caseIdsSettledBefore } from '../cases/repo.js';
import { fileDossier } from './file.js';
import { filedCaseIds } from './repo.js';

// a busy county finishes a few hundred cases a day: one night's run keeps up with several days' worth
export const ARCHIVE_BATCH = 2000;
const PAGE = 500;

export async function fileFinishedCases(ctx: AppContext, now: Date, batch = ARCHIVE_BATCH): Promise<{ filed: number; skipped: string[] }> {
  const { db } = ctx.database;
  const cutoff = autoFileCutoff(now);
  let after: { at: string; id: string } | null = null;
  let filed = 0;
  const skipped: string[] = [];
  while (filed < batch) {
    const page = await caseIdsSettledBefore(db, TERMINAL_STATUSES, cutoff, after, PAGE);
    if (page.length === 0) break;
    const last = page[page.length - 1]!;
    after = { at: last.updated_at, id: last.id };
    const done = await filedCaseIds(db, page.map((r) => r.id));
    for (const { id } of page) {
      if (filed >= batch) break;
      if (done.has(id)) continue;
      try {
        await fileDossier(ctx, null, id);
        filed += 1;
      } catch (error) {
        // filed meanwhile; or a rectification or 督办单 still open: filed on a later night, once it is closed
        if (error instanceof DomainError && (error.code === 'ALREADY_ARCHIVED' || error.code === 'ARCHIVE_OPEN_MATTERS')) continue;
        // a material missing or damaged in the store, the store out of reach: left for the clerk, named in the message
        if (error instanceof DomainError) {
          skipped.push(`${id}：${error.message}`);
          continue;
        }
        throw error;
      }
    }
  }
  return { filed, skipped };
}

export const archiveFinishedCasesJob: Job = {
  name: 'archive-finished-cases',
  title: '自动立卷归档：每天夜间把办结（含退回、撤回）满 30 天且尚未归档的办件立卷，每次至多 2000 件',
  schedule: '30 1 * * *',
  // many centers switch the server off at night: a missed night is caught up when it starts again
  runAtStart: true,
  async run(ctx, now) {
    const { filed, skipped } = await fileFinishedCases(ctx, now);
    if (filed === 0 && skipped.length === 0) return null;
    return `自动归档 ${filed} 件${skipped.length > 0 ? `；未能归档 ${skipped.length} 件：${skipped.slice(0, 3).join('；')}` : ''}`;
  },
};
