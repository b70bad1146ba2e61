/**
 * The audit administrator's export of the filtered log (审计日志.xlsx): the columns of the screen in Chinese, the
 * content as the screen words it, names instead of ids (describe.ts; personal data was masked when it was written and stays masked), and the hash of
 * each entry so a printed copy can still be checked against the chain. Audited as an export
 * (src/modules/audit/http-audit.ts): who exported which range is itself an entry of the log.
 */
import ExcelJS from 'exceljs';
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_GROUP_NAMES, auditActionName, auditExportTooLarge, auditTargetName } from '../../domain/audit.js';
import { localDate, localTime } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';
import { describeEntries } from './describe.js';
import { auditFilter, type AuditQuery } from './service.js';
import * as repo from './repo.js';

export const AUDIT_EXPORT_COLUMNS = ['序号', '时间', '人员姓名', '用户名', '操作', '内容', '对象类型', '对象编号', '来源地址', '本条哈希'] as const;

/** 2026-12-07 09:00:05 on the center's wall clock: an auditor needs the second. */
function wallSeconds(iso: string, tz: string): string {
  const at = new Date(iso);
  // every time zone in use is a whole number of minutes from UTC: the seconds are UTC's
  return `${localDate(at, tz)} ${localTime(at, tz)}:${String(at.getUTCSeconds()).padStart(2, '0')}`;
}

/** The filter in words, for the title row: 2026-12-01 至 2026-12-07，操作：导出，人员：张三. */
function filterText(query: AuditQuery, person: string | null): string {
  const range = query.from && query.to ? `${query.from} 至 ${query.to}` : query.from ? `${query.from} 起` : query.to ? `截至 ${query.to}` : '全部日期';
  const action = query.action ? `，操作：${AUDIT_GROUP_NAMES[query.action] ?? auditActionName(query.action)}` : '';
  return `${range}${action}${query.userId ? `，人员：${person ?? query.userId}` : ''}`;
}

export async function auditWorkbook(ctx: AppContext, query: AuditQuery): Promise<Buffer> {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const max = ctx.config.auditExportMaxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const { rows, total } = await repo.listEntries(db, auditFilter(ctx, query), { offset: 0, limit: max });
  if (total > max) {
    throw new DomainError('EXPORT_TOO_LARGE', auditExportTooLarge(total, max), { total, max }, 422);
  }
  const person = query.userId ? ((await peopleByIds(db, [query.userId])).get(query.userId)?.name ?? null) : null;
  const exportedAt = `${localDate(ctx.clock(), tz)} ${localTime(ctx.clock(), tz)}`;

  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [8, 20, 12, 14, 22, 60, 12, 38, 16, 66].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, AUDIT_EXPORT_COLUMNS.length);
  sheet.getCell(1, 1).value = `审计日志（${filterText(query, person)}；导出于 ${exportedAt}，共 ${rows.length} 条）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  header.values = [...AUDIT_EXPORT_COLUMNS];
  header.font = { bold: true };
  const texts = await describeEntries(
    ctx,
    db,
    rows.map((r) => ({ action: r.action, userId: r.user_id, targetType: r.target_type, targetId: r.target_id, detail: fromJson<unknown>(r.detail, null), at: r.at })),
  );
  rows.forEach((r, i) => {
    sheet.addRow([
      Number(r.seq),
      wallSeconds(r.at, tz),
      r.user_id ? (r.user_name ?? '') : r.action.startsWith('auth.') || r.action.startsWith('applicant.') ? '未登录' : '系统',
      r.username ?? '',
      auditActionName(r.action),
      texts[i]!,
      auditTargetName(r.target_type),
      r.target_id ?? '',
      r.ip ?? '',
      r.hash,
    ]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
