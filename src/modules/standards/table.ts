/**
 * 标准化建设情况表 (issue 13 §4): every center in the viewer's tree (townships and villages) with its latest round —
 * self-assessment and inspection scores, gaps still open and overdue — on screen, printed and as Excel.
 */
import ExcelJS from 'exceljs';
import { localDate } from '../../domain/calendar/office-hours.js';
import { CHECKLIST_LEVEL_NAMES, type ChecklistLevel } from '../../domain/standards/checklist.js';
import type { StandardsTable } from '../../domain/standards/contract.js';
import { isGapOverdue, ROUND_STATUS_NAMES, type GapStatus, type RoundStatus } from '../../domain/standards/rounds.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { isAssessedLevel, isCountyInspector, ownCenters } from './access.js';
import * as repo from './repo.js';

export async function standardsTable(ctx: AppContext, actor: Actor, year: number | null): Promise<StandardsTable> {
  const { db } = ctx.database;
  const [orgs, scope, mine, canInspect, own] = await Promise.all([listOrgs(db), scopeOf(db, actor), ownCenters(db, actor), isCountyInspector(db, actor), findOrg(db, actor.orgId)]);
  const today = localDate(ctx.clock(), own?.time_zone ?? ctx.config.timeZone);
  const mineIds = new Set(mine.map((o) => o.id));
  const centers = orgs.filter((o) => isAssessedLevel(o.level) && (scope.has(o.id) || mineIds.has(o.id)));
  const rounds = new Map((await repo.latestRounds(db, centers.map((c) => c.id), year)).map((r) => [r.org_id, r]));
  const gaps = await repo.gapStatesOf(db, [...rounds.values()].map((r) => r.id));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // a township, then its villages
  const orderKey = (o: (typeof centers)[number]) => (o.level === 'village' ? `${byId.get(o.parent_id ?? '')?.code ?? ''}/${o.code}` : `${o.code}/`);
  centers.sort((a, b) => orderKey(a).localeCompare(orderKey(b)));
  return {
    year,
    today,
    unitName: own?.center_name ?? '',
    rows: centers.map((o) => {
      const round = rounds.get(o.id);
      const open = round ? gaps.filter((g) => g.round_id === round.id) : [];
      const status = (round?.status ?? null) as RoundStatus | null;
      return {
        orgId: o.id,
        orgName: o.center_name,
        level: o.level as ChecklistLevel,
        parentName: o.level === 'village' ? (byId.get(o.parent_id ?? '')?.center_name ?? null) : null,
        roundId: round?.id ?? null,
        year: round?.year ?? null,
        status,
        statusName: status ? ROUND_STATUS_NAMES[status] : '未开始自评',
        selfTotal: round && round.status !== 'draft' ? round.self_total : null,
        inspectedTotal: round?.inspected_total ?? null,
        inspectedOn: round?.inspected_on ?? null,
        gapsOpen: open.length,
        gapsOverdue: open.filter((g) => isGapOverdue({ status: g.status as GapStatus, dueDate: g.due_date }, today)).length,
      };
    }),
    mine: mine.map((o) => ({ orgId: o.id, orgName: o.center_name })),
    canInspect,
  };
}

const scoreText = (n: number | null) => (n === null ? '—' : n);

/** The table as a workbook: title, unit, period, 制表人, 制表日期, then one row per center. */
export async function standardsWorkbook(table: StandardsTable, preparedBy: string): Promise<Buffer> {
  const unit = table.unitName;
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet('标准化建设情况', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers: [string, number][] = [
    ['中心', 26],
    ['类别', 20],
    ['所属乡镇', 22],
    ['年度', 8],
    ['状态', 22],
    ['自评得分', 10],
    ['检查得分', 10],
    ['检查日期', 12],
    ['未完成整改', 10],
    ['逾期未整改', 10],
  ];
  sheet.columns = headers.map(([, width]) => ({ width }));
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = `${unit}标准化建设情况表${table.year ? `（${table.year}年）` : ''}`;
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getRow(2).values = [`填报单位：${unit}`, '', `统计期间：${table.year ? `${table.year}年` : '各中心最近一轮'}`, '', `制表人：${preparedBy}`, '', `制表日期：${table.today}`];
  sheet.getRow(3).values = headers.map(([name]) => name);
  sheet.getRow(3).font = { bold: true };
  for (const r of table.rows) {
    sheet.addRow([r.orgName, CHECKLIST_LEVEL_NAMES[r.level], r.parentName ?? '', r.year ?? '', r.statusName, scoreText(r.selfTotal), scoreText(r.inspectedTotal), r.inspectedOn ?? '', r.gapsOpen, r.gapsOverdue]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
