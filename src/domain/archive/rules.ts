/**
 * The rules of 立卷归档 that do not read the database: which cases may be filed, the 档号, the keep-until date and
 * when the nightly job files a case by itself. Pure: facts in, answers out.
 */
import { localDate } from '../calendar/office-hours.js';
import type { CaseStatus } from '../cases/model.js';
import { isTerminal } from '../cases/terminal.js';
import type { OrgLevel } from '../orgs/tree.js';
import { RETENTION_CODES, type RetentionPeriod } from './terms.js';

/**
 * A case may be filed only when nothing can happen to it any more: 已送达 (delivered), 已退回 (returned) or 已撤回
 * (withdrawn) — the terminal statuses of the case state machine. A 已办结 (completed) case is not finished yet:
 * every completed case still has its result delivered (the 'deliver' row of the transition table), and that
 * delivery belongs in the file.
 */
export const isFinished = (status: string): boolean => isTerminal(status as CaseStatus);

/**
 * Who keeps a case's file (its 全宗): the center that finished it — except a village service room, which keeps no
 * archive: 村级代办 files are kept by the township center above it, under the township's 档号.
 */
export const keepsOwnArchive = (level: OrgLevel): boolean => level !== 'village';

/** The job files a finished case only after this many days, so ratings and rectifications have come in. */
export const AUTO_FILE_AFTER_DAYS = 30;

/** The instant before which a case must have been finished for the job to file it at `now`. */
export const autoFileCutoff = (now: Date): string => new Date(now.getTime() - AUTO_FILE_AFTER_DAYS * 86_400_000).toISOString();

/** 年度: the year the case was finished, on the center's own calendar (a case finished at 00:30 on 1 January Beijing time is of the new year). */
export const archiveYear = (finishedAt: string, timeZone: string): number => Number(localDate(new Date(finishedAt), timeZone).slice(0, 4));

/** 档号: 全宗号（机构代码）-年度-保管期限代码-件号, the 件号 counted per center, year and period from 1, four digits. */
export function archiveNo(orgCode: string, year: number, period: RetentionPeriod, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`件号须是正整数：${seq}`);
  return `${orgCode}-${year}-${RETENTION_CODES[period]}-${String(seq).padStart(4, '0')}`;
}

const YEARS: Record<Exclude<RetentionPeriod, 'permanent'>, number> = { '30y': 30, '10y': 10 };

/**
 * 保管期限 runs from 1 January of the year after the file was made (期限从文件形成的次年1月1日起算, DA/T 22 / GB/T
 * 18894): a file of 2026 kept 30 years is kept through 2056-12-31. The year is the center's (archiveYear). Null for
 * 永久.
 */
export function keepUntil(year: number, period: RetentionPeriod): string | null {
  if (period === 'permanent') return null;
  return `${String(year + YEARS[period]).padStart(4, '0')}-12-31`;
}

/** Why a finished case is not filed yet (CASE_NOT_FINISHED): said the same for every status short of the end. */
export const NOT_FINISHED_MESSAGE = '这件办件还没有办完：结果送达（或退回、撤回）后才能立卷归档。';

/**
 * Why a finished case is not filed yet while a 差评整改 or a 督办单 of it is still open (ARCHIVE_OPEN_MATTERS): each
 * named by its number. Null when nothing is open.
 */
export function openMattersMessage(workOrderNos: readonly string[], cardNos: readonly string[]): string | null {
  const parts = [workOrderNos.length > 0 ? `差评整改（${workOrderNos.join('、')}）` : null, cardNos.length > 0 ? `督办单（${cardNos.join('、')}）` : null].filter(
    (p): p is string => p !== null,
  );
  return parts.length > 0 ? `这件办件还有未办结的${parts.join('、')}，办结后才能立卷归档。` : null;
}

/**
 * A 差评整改 still owed to the file: anything not 已办结 or 已撤销 — 已整改、待群众评价 too, since the applicant's verdict
 * belongs in it. A 督办单 until it is 销号 (closed).
 */
export const workOrderPending = (status: string): boolean => status !== 'closed' && status !== 'cancelled';
export const cardPending = (status: string): boolean => status !== 'closed';

/** Parts of one sentence joined with "；", each without its own closing 。/；/; (no "。；" where two meet). */
export const joinClauses = (parts: readonly (string | null | undefined)[]): string | null =>
  parts
    .map((p) => (p ?? '').trim().replace(/[。；;]+$/u, ''))
    .filter((p) => p.length > 0)
    .join('；') || null;
