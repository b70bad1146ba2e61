import ExcelJS from 'exceljs';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { zonedInstant } from '../../domain/calendar/office-hours.js';
import { HOP_NAMES, isLate, type HopKind } from '../../domain/village/hops.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import * as repo from './repo.js';

type Counters = Record<'received' | 'finishedOnSpot' | 'forwarded' | 'finishedAbove' | 'returned' | 'handedBack', number>;
const zero = (): Counters => ({ received: 0, finishedOnSpot: 0, forwarded: 0, finishedAbove: 0, returned: 0, handedBack: 0 });

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
  const rows = await repo.villageCasesOfMonth(
    db,
    villages.map((v) => v.id),
    zonedInstant(first, '00:00', tz).toISOString(),
    zonedInstant(next, '00:00', tz).toISOString(),
  );
  const table = new Map<string, Counters>();
  const totals = zero();
  for (const r of rows) {
    const key = `${r.receiving_org_id}\u0000${r.category}`;
    const c = table.get(key) ?? zero();
    const forwarded = Boolean(r.forwarded);
    const decided = r.outcome !== null;
    const bump = (name: keyof Counters) => {
      c[name] += 1;
      totals[name] += 1;
    };
    bump('received');
    if (r.status === 'returned') bump('returned');
    if (forwarded) bump('forwarded');
    if (decided && !forwarded) bump('finishedOnSpot');
    if (decided && forwarded) bump('finishedAbove');
    if (forwarded && r.status === 'delivered') bump('handedBack');
    table.set(key, c);
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
  const header = ['村（社区）', '事项类别', '受理数', '当场办结', '转报乡镇', '上级办结', '退回', '结果已回复'];
  sheet.columns = [16, 14, 9, 9, 9, 9, 8, 11].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, header.length);
  const [y, m] = report.month.split('-');
  sheet.getCell(1, 1).value = `村级便民服务办理情况统计表（${y}年${Number(m)}月）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getRow(2).values = header;
  sheet.getRow(2).font = { bold: true };
  for (const r of report.rows) {
    sheet.addRow([r.villageName, r.category, r.received, r.finishedOnSpot, r.forwarded, r.finishedAbove, r.returned, r.handedBack]);
  }
  const t = report.totals;
  const total = sheet.addRow(['合计', '', t.received, t.finishedOnSpot, t.forwarded, t.finishedAbove, t.returned, t.handedBack]);
  total.font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Hops done late, or still undone past their limit, for the cases received in the actor's scope (rule 9). */
export async function hopViolations(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const hops = await repo.hopsOfCasesIn(db, [...(await scopeOf(db, actor))]);
  return {
    violations: hops
      .map((h) => {
        const kind = h.kind as HopKind;
        // forwarding is done when sent; the hand-back when the villager has the result
        const doneAt = kind === 'hand-back' ? h.received_at : h.sent_at;
        return { h, kind, doneAt };
      })
      .filter(({ h, kind, doneAt }) => isLate({ kind, dueAt: h.due_at, doneAt }, now))
      .map(({ h, kind, doneAt }) => ({
        caseId: h.case_id,
        caseNo: h.case_no,
        itemName: h.item_name,
        hop: kind,
        hopName: HOP_NAMES[kind],
        from: h.from_name,
        to: h.to_name,
        urgent: h.urgent === 1,
        readyAt: h.ready_at,
        dueAt: h.due_at,
        doneAt,
      })),
  };
}
