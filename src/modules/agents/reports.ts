import ExcelJS from 'exceljs';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { zonedInstant } from '../../domain/calendar/office-hours.js';
import { HOP_NAMES, hopDoneAt, isLate, type HopKind, type HopRecord } from '../../domain/cases/hops.js';
import { addCounts, countsOf, MONTHLY_COUNTER_NAMES, MONTHLY_COUNTERS, noCounts, type MonthlyCounts } from '../../domain/agents/monthly.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { hopsDueBefore, villageCasesOfMonth } from '../cases/village-queries.js';

/**
 * 村级便民服务办理情况统计表: for each village in the actor's scope and each item category, the cases the
 * village received in the month (local time), finished on the spot, forwarded, finished above, returned and
 * handed back to the villager — counted from the cases themselves.
 */
export async function villageMonthly(ctx: AppContext, actor: Actor, month: string) {
  const { db } = ctx.database;
  const scope = await scopeOf(db, actor);
  const villages = (await listOrgs(db)).filter((o) => o.level === 'village' && scope.has(o.id));
  const tz = ctx.config.timeZone;
  const first = `${month}-01`;
  const next = addCalendarDays(first, 40).slice(0, 7) + '-01';
  const rows = await villageCasesOfMonth(
    db,
    villages.map((v) => v.id),
    zonedInstant(first, '00:00', tz).toISOString(),
    zonedInstant(next, '00:00', tz).toISOString(),
  );
  const table = new Map<string, MonthlyCounts>();
  let totals = noCounts();
  for (const r of rows) {
    const key = `${r.receiving_org_id}\u0000${r.category}`;
    const counts = countsOf({ status: r.status, outcome: r.outcome, forwarded: Boolean(r.forwarded) });
    table.set(key, addCounts(table.get(key) ?? noCounts(), counts));
    totals = addCounts(totals, counts);
  }
  const nameOf = new Map(villages.map((v) => [v.id, v.name]));
  return {
    month,
    rows: [...table.entries()]
      .map(([key, counters]) => {
        const [villageId, category] = key.split('\u0000') as [string, string];
        return { villageId, villageName: nameOf.get(villageId) ?? '', category, ...counters };
      })
      .sort((a, b) => a.villageName.localeCompare(b.villageName, 'zh-CN') || a.category.localeCompare(b.category, 'zh-CN')),
    totals,
  };
}
export type VillageMonthly = Awaited<ReturnType<typeof villageMonthly>>;

/** The monthly table as the Excel sheet a village (or a township, for all its villages) files. */
export async function villageMonthlyWorkbook(report: VillageMonthly): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet('村级统计表', { views: [{ state: 'frozen', ySplit: 2 }] });
  const header = ['村（社区）', '事项类别', ...MONTHLY_COUNTERS.map((key) => MONTHLY_COUNTER_NAMES[key])];
  sheet.columns = [16, 14, 9, 9, 9, 9, 8, 11].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, header.length);
  const [y, m] = report.month.split('-');
  sheet.getCell(1, 1).value = `村级便民服务办理情况统计表（${y}年${Number(m)}月）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getRow(2).values = header;
  sheet.getRow(2).font = { bold: true };
  for (const r of report.rows) sheet.addRow([r.villageName, r.category, ...MONTHLY_COUNTERS.map((key) => r[key])]);
  const total = sheet.addRow(['合计', '', ...MONTHLY_COUNTERS.map((key) => report.totals[key])]);
  total.font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Hops done late, or still undone past their limit, for the cases received in the actor's scope (rule 9). */
export async function hopViolations(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const now = ctx.clock();
  // only a hop whose limit has passed can be late; the domain says which of those are
  const hops = await hopsDueBefore(db, [...(await scopeOf(db, actor))], now.toISOString());
  const violations = [];
  for (const h of hops) {
    const hop: HopRecord = { kind: h.kind as HopKind, dueAt: h.due_at, sentAt: h.sent_at, receivedAt: h.received_at };
    if (!isLate(hop, now)) continue;
    violations.push({
      caseId: h.case_id,
      caseNo: h.case_no,
      itemName: h.item_name,
      hop: hop.kind,
      hopName: HOP_NAMES[hop.kind],
      from: h.from_name,
      to: h.to_name,
      urgent: h.urgent === 1,
      readyAt: h.ready_at,
      dueAt: h.due_at,
      doneAt: hopDoneAt(hop),
    });
  }
  return { violations };
}
