/**
 * 评价记录 in the fields of GB/T 39046 表9 (REFERENCES.md): 办件编号, 评价渠道, 评价人, 评价时间, 评价次数 (1 首次 /
 * 2 二次), 满意度 (A.8: 1 非常满意 … 5 非常不满意 — the level mapped here, never stored), 文字评价, 行政区划; date-times
 * YYYYMMDDThhmmss (GB/T 7408) on the center's wall clock. Besides the standard's columns: whether it is a default,
 * who keyed in a paper form, and an appeal's exclusion. 评价人 names the rater's role, not the person (51号: the rater's
 * identity is protected). Audited as an export (src/modules/audit/http-audit.ts).
 */
import ExcelJS from 'exceljs';
import { localDate, localTime } from '../../domain/calendar/office-hours.js';
import { RATING_CHANNEL_TABLE9, type RatingChannel } from '../../domain/evaluation/channels.js';
import { LEVEL_NAMES, levelCode, type Level } from '../../domain/evaluation/levels.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import { filterOf, type EvaluationQuery } from './list-ratings.js';
import * as repo from './repo.js';

export const EXPORT_LIMIT = 20_000;

/** GB/T 7408 basic format: 20260302T093000. */
export function gbDateTime(iso: string, tz: string): string {
  const at = new Date(iso);
  const d = localDate(at, tz).replace(/-/g, '');
  const t = localTime(at, tz).replace(':', '');
  // every time zone in use is a whole number of minutes from UTC: the seconds are UTC's
  const seconds = String(at.getUTCSeconds()).padStart(2, '0');
  return `${d}T${t}${seconds}`;
}

export const TABLE9_COLUMNS = ['办件编号', '评价渠道', '评价人', '评价时间', '评价次数', '满意度', '文字评价', '行政区划', '满意度名称', '默认评价', '代录人', '申诉剔除'] as const;

export async function evaluationsWorkbook(ctx: AppContext, actor: Actor, q: EvaluationQuery): Promise<Buffer> {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const rows = await repo.listRatings(db, await filterOf(ctx, actor, q), { offset: 0, limit: EXPORT_LIMIT });
  const [orgs, people] = await Promise.all([orgsByIds(db, rows.map((r) => r.org_id)), peopleByIds(db, rows.map((r) => r.entered_by))]);
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet('评价记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TABLE9_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: [26, 22, 16, 18, 8, 8, 40, 14, 12, 8, 10, 30][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const enteredBy = r.entered_by ? (people.get(r.entered_by)?.name ?? '') : '';
    sheet.addRow([
      r.case_no,
      RATING_CHANNEL_TABLE9[r.channel as RatingChannel] ?? r.channel,
      r.is_default ? '系统默认' : r.entered_by ? '办事人（工作人员代录）' : '办事人',
      gbDateTime(r.rated_at, tz),
      r.round,
      levelCode(r.level as Level),
      r.comment ?? '',
      orgs.get(r.org_id)?.code ?? '',
      LEVEL_NAMES[r.level as Level] ?? r.level,
      r.is_default ? '是' : '否',
      enteredBy,
      r.excluded_at ? `已剔除：${r.excluded_reason ?? ''}` : '',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
