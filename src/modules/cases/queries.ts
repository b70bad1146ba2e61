import { STATUS_NAMES, type CaseAction, type CaseStatus } from '../../domain/cases/model.js';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import type { CasesTable } from '../../db/schema.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { windowsWorkedBy } from '../../domain/staff/ab-post.js';
import { findOrg } from '../orgs/repo.js';
import { listWindows } from '../windows/repo.js';
import { windowPosts } from '../windows/service.js';
import { scopeOf } from '../orgs/service.js';
import { viewerOf } from './access.js';
import { centerTime } from './center.js';
import { presentCase, presentCaseSummary } from './presenter.js';
import * as repo from './repo.js';

export async function getCase(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await repo.findCase(db, id);
  if (!row) throw notFound('该办件');
  const viewer = await viewerOf(db, actor, row);
  // Every read of a full personal record by staff is logged (ARCHITECTURE.md).
  if (viewer.fullPersonalData) {
    await recordAudit(db, { at: ctx.clock(), userId: actor.userId, action: 'case.read', targetType: 'case', targetId: id });
  }
  const org = (await findOrg(db, row.holder_org_id))!;
  return presentCase(row, ctx.clock(), await centerTime(db, org), viewer, await repo.listEvents(db, id));
}

/** More rows than a spreadsheet should carry; narrow the filter (dates) to export the rest. */
export const EXPORT_LIMIT = 20_000;

export interface LedgerQuery {
  view?: repo.WorkList;
  status?: CaseStatus;
  kind?: string;
  light?: 'green' | 'yellow' | 'red';
  itemCode?: string;
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * The ledger (台账): every case the actor's centers received, hold or are about to receive, newest first.
 * `all` returns every matching case (the Excel export) instead of one page.
 */
export async function listCases(ctx: AppContext, actor: Actor, query: LedgerQuery, all = false) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const tz = ctx.config.timeZone;
  const orgIds = [...(await scopeOf(db, actor))];
  const filter: repo.CaseFilter = {
    orgIds,
    ...(query.status && { status: query.status }),
    ...(query.kind && { sixKind: query.kind }),
    ...(query.itemCode && { itemCode: query.itemCode }),
    ...(query.q && { q: query.q }),
    // dates are local days of the deployment's time zone, stored instants are UTC
    ...(query.from && { from: zonedInstant(query.from, '00:00', tz).toISOString() }),
    ...(query.to && { to: zonedInstant(addCalendarDays(query.to, 1), '00:00', tz).toISOString() }),
    ...(query.light && { open: true }),
    ...(query.view && {
      view: {
        name: query.view,
        orgId: actor.orgId,
        userId: actor.userId,
        dueBy: zonedInstant(localDate(now, tz), '23:59', tz).toISOString(),
        ...(query.view === 'mine' && { windowIds: windowsWorkedBy((await listWindows(db, [actor.orgId])).map(windowPosts), actor.userId) }),
      },
    }),
  };
  const page = all ? { offset: 0, limit: EXPORT_LIMIT } : { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const present = async (rows: CasesTable[]) => {
    const times = new Map<string, Awaited<ReturnType<typeof centerTime>>>();
    const out = [];
    for (const row of rows) {
      if (!times.has(row.holder_org_id)) times.set(row.holder_org_id, await centerTime(db, (await findOrg(db, row.holder_org_id))!));
      out.push(presentCaseSummary(row, now, times.get(row.holder_org_id)!));
    }
    return out;
  };
  if (query.light) {
    // The light is computed in working time, not stored: filter the open cases after computing it.
    const all = (await present(await repo.listCases(db, filter, null))).filter((c) => c.light === query.light);
    return { cases: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }
  const [rows, total] = await Promise.all([repo.listCases(db, filter, page), repo.countCases(db, filter)]);
  return { cases: await present(rows), total };
}

/** What the public progress page says for each event, in plain words and without any personal data. */
const PUBLIC_TEXT: Partial<Record<CaseAction | 'intake', string>> = {
  intake: '已收件登记',
  accept: '已受理',
  'notify-supplement': '已出具一次性告知书，请按告知书补齐材料',
  supplement: '已登记补交的材料',
  return: '已退回，请查看退回件通知书',
  pause: '进入特殊环节（公示、踏勘等），此期间暂停计时',
  resume: '特殊环节结束，恢复计时',
  'approve-extension': '办理期限经批准延长',
  review: '联办部门已出具审核意见',
  escalate: '已上报县级审批',
  forward: '已由村代办员报送乡镇',
  receive: '上级已接收',
  complete: '已办结',
  deliver: '结果已送达',
  withdraw: '申请已撤回',
};

export async function publicProgress(ctx: AppContext, caseNo: string, phone4: string) {
  const { db } = ctx.database;
  const row = await repo.findCaseByNo(db, caseNo);
  // A wrong pair answers exactly like an unknown number: nothing tells a guesser which part was wrong.
  if (!row || !row.applicant_phone.endsWith(phone4)) throw notFound('该办件，请核对办件编号和电话后四位');
  const events = await repo.listEvents(db, row.id);
  return {
    caseNo: row.case_no,
    itemName: row.item_name,
    status: row.status,
    statusName: STATUS_NAMES[row.status as CaseStatus],
    acceptedAt: row.accepted_at,
    dueAt: row.due_at,
    timeline: events
      .filter((e) => PUBLIC_TEXT[e.type as CaseAction | 'intake'])
      .map((e) => ({ at: e.at, text: PUBLIC_TEXT[e.type as CaseAction | 'intake']! })),
  };
}

