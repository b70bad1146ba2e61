import { normalizeCaseNo } from '../../domain/cases/case-number.js';
import { ledgerSearch } from '../../domain/cases/ledger-search.js';
import { hasPermission } from '../../domain/roles.js';
import { STATUS_NAMES, type CaseAction, type CaseChannel, type CaseStatus } from '../../domain/cases/model.js';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import type { CasesTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { windowsCoveredBy, windowsWorkedBy } from '../../domain/staff/ab-post.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { subtreeIds } from '../../domain/orgs/tree.js';
import { listWindows } from '../windows/repo.js';
import { windowPosts } from '../windows/service.js';
import { scopeOf } from '../orgs/service.js';
import { viewerOf } from './access.js';
import { centerTime } from './center.js';
import { presentCase, presentCaseSummary } from './presenter.js';
import { caseEvents, caseTimeline } from '../events/repo.js';
import * as repo from './repo.js';

/** One case in full. (The intake answers from what it wrote: register-case.ts.) */

/** Local dates [from, to] as instants, and how far the period has come (now, or its end): what lateWithin reads. */
function periodSoFar(from: string, to: string, now: Date, tz: string) {
  const end = zonedInstant(addCalendarDays(to, 1), '00:00', tz).toISOString();
  return { from: zonedInstant(from, '00:00', tz).toISOString(), to: end, end: now.toISOString() < end ? now.toISOString() : end };
}

/**
 * 今日到期: falls due today — from the start of today to its end. A case that fell due on an earlier day is late
 * (red, 超期) and counted there, not a second time as due today.
 */
const todayBounds = (now: Date, tz: string) => ({
  from: zonedInstant(localDate(now, tz), '00:00', tz).toISOString(),
  to: zonedInstant(localDate(now, tz), '23:59', tz).toISOString(),
});
export async function getCase(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await repo.findCase(db, id);
  if (!row) throw notFound('该办件');
  const viewer = await viewerOf(db, actor, row);
  // Every read of a full personal record by staff is logged (ARCHITECTURE.md).
  if (viewer.fullPersonalData) {
    await recordAudit(db, { at: ctx.clock(), userId: actor.userId, ip: actor.ip, action: 'case.read', targetType: 'case', targetId: id });
  }
  const org = (await findOrg(db, row.holder_org_id))!;
  return presentCase(row, ctx.clock(), await centerTime(db, org), viewer, await caseEvents(db, id));
}

/** A ledger search counts its matches up to this many; the clerk narrows the search rather than pages past it. */
export const SEARCH_COUNT_LIMIT = 1000;

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
  orgId?: string;
  orgOnly?: 'true' | 'false';
  channel?: CaseChannel;
  windowId?: string;
  overdue?: 'true' | 'false';
  dueToday?: 'true' | 'false';
  completedFrom?: string;
  completedTo?: string;
  overdueFrom?: string;
  overdueTo?: string;
  onTime?: 'true' | 'false';
  page: number;
  pageSize: number;
}

/**
 * The ledger (台账): every case the actor's centers received, hold or are about to receive, newest first.
 * `all` returns every matching case (the Excel export) instead of one page.
 */
export async function listCases(ctx: AppContext, actor: Actor, query: LedgerQuery, all = false) {
  const { db } = ctx.database;
  const filter = await ledgerFilter(ctx, actor, query);
  const page = all ? { offset: 0, limit: EXPORT_LIMIT } : { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  // rows as read: a summary shows the stored light, so neither the clock nor the centers' calendars are needed
  const present = (rows: CasesTable[]) => rows.map((row) => presentCaseSummary(row));
  // the pager's total comes with the page where the database can tell it in the same statement (repo.listCasesCounted)
  const { rows, total } = all ? { rows: await repo.listCases(db, filter, page), total: null } : await repo.listCasesCounted(db, filter, page, SEARCH_COUNT_LIMIT + 1);
  // A search (q) of a common term reads the scope newest first (or, 1 or 2 characters, the cases listed under it),
  // so counting every match would read them all on each keystroke (issue 8: 945 ms at 100 000 cases). A
  // page that is not full already tells the total; otherwise matches are counted up to SEARCH_COUNT_LIMIT and
  // `totalCapped` says there are more.
  if (filter.q && !all) {
    if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) {
      return { cases: present(rows), total: page.offset + rows.length, totalCapped: false };
    }
    const counted = total ?? (await repo.countCases(db, filter, SEARCH_COUNT_LIMIT + 1));
    return { cases: present(rows), total: Math.min(counted, SEARCH_COUNT_LIMIT), totalCapped: counted > SEARCH_COUNT_LIMIT };
  }
  return { cases: present(rows), total: total ?? (await repo.countCases(db, filter)), totalCapped: false };
}

/** How many cases of the same filter show each light (the console's filter chips): one grouped count in SQL. */
export async function countLights(ctx: AppContext, actor: Actor, query: Omit<LedgerQuery, 'page' | 'pageSize'>) {
  const counts = await repo.countLights(ctx.database.db, await ledgerFilter(ctx, actor, { ...query, page: 1, pageSize: 1 }));
  return { counts, total: counts.green + counts.yellow + counts.red };
}

/** The SQL filter of a ledger query in the actor's scope; work lists narrowed to the person where they are personal. */
async function ledgerFilter(ctx: AppContext, actor: Actor, query: LedgerQuery): Promise<repo.CaseFilter> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const tz = ctx.config.timeZone;
  const scope = await scopeOf(db, actor);
  // a center and everything below it (the dashboards' per-center numbers), or the center alone (本级, orgOnly), only
  // inside the actor's own scope
  if (query.orgId && !scope.has(query.orgId)) throw forbidden('查看该机构的办件');
  const orgIds = !query.orgId
    ? [...scope]
    : query.orgOnly === 'true'
      ? [query.orgId]
      : [...subtreeIds((await listOrgs(db)).map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })), query.orgId)].filter((id) => scope.has(id));
  const fullDataOrgId = hasPermission(actor.roles, 'cases.handle') ? actor.orgId : null;
  // the cases the search indexes find, when they can tell: the ledger then reads only these (repo.searchCandidates)
  const searchIds = query.q ? await repo.searchCandidates(db, ledgerSearch(query.q), fullDataOrgId !== null) : null;
  // a search of 1 or 2 characters reads the cases listed under it (repo.shortTerm) instead of the whole scope
  const searchTerm = query.q ? repo.shortTerm(ledgerSearch(query.q)) : null;
  return {
    orgIds,
    ...(query.status && { status: query.status }),
    ...(query.kind && { sixKind: query.kind }),
    ...(query.itemCode && { itemCode: query.itemCode }),
    ...(query.channel && { channel: query.channel }),
    ...(query.q && { q: query.q, fullDataOrgId, ...(searchIds && { searchIds }), ...(searchTerm && { searchTerm }) }),
    // dates are local days of the deployment's time zone, stored instants are UTC
    ...(query.from && { from: zonedInstant(query.from, '00:00', tz).toISOString() }),
    ...(query.to && { to: zonedInstant(addCalendarDays(query.to, 1), '00:00', tz).toISOString() }),
    ...(query.light && { light: query.light }),
    ...(query.windowId && { windowId: query.windowId }),
    ...(query.dueToday === 'true' && { dueToday: todayBounds(now, tz) }),
    ...(query.overdue === 'true' && { overdueAt: now.toISOString() }),
    ...(query.overdueFrom && query.overdueTo && { lateWithin: periodSoFar(query.overdueFrom, query.overdueTo, now, tz) }),
    ...(query.onTime === 'true' && { onTime: true }),
    ...(query.completedFrom && { completedFrom: zonedInstant(query.completedFrom, '00:00', tz).toISOString() }),
    ...(query.completedTo && { completedTo: zonedInstant(addCalendarDays(query.completedTo, 1), '00:00', tz).toISOString() }),
    ...(query.view && {
      view: {
        name: query.view,
        orgId: actor.orgId,
        userId: actor.userId,
        dueToday: todayBounds(now, tz),
        ...(query.view === 'mine' && { windowIds: windowsWorkedBy((await listWindows(db, [actor.orgId])).map(windowPosts), actor.userId) }),
        ...(query.view === 'covering' && { windowIds: windowsCoveredBy((await listWindows(db, [actor.orgId])).map(windowPosts), actor.userId) }),
        // a director sees every objection of the center; window staff those of the windows they work
        ...(query.view === 'objections' &&
          !actor.roles.includes('director') && { windowIds: windowsWorkedBy((await listWindows(db, [actor.orgId])).map(windowPosts), actor.userId) }),
      },
    }),
  };
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

/**
 * The applicant's words for one event, or null for what is internal (refusal reviews, objections, transfers).
 * Only these fixed texts are public: the event data (the clerk's instructions at intake, notes, reasons typed
 * for colleagues) never reaches the public timeline.
 */
function publicText(e: { type: string; to_status: string | null }): string | null {
  if (e.type === 'intake') {
    if (e.to_status === 'awaiting_supplement') return '已收件登记，材料不齐，已出具一次性告知书，请按告知书补齐材料';
    if (e.to_status === 'returned') return '已收件登记，申请已退回，请查看退回件通知书';
    if (e.to_status === 'in_progress') return '已收件登记并受理';
  }
  // rule 3: the applicant learns that the date moved (the date itself is dueAt above)
  if (e.type === 'deadline-recomputed') return '国务院公布节假日安排后，办结期限已按正式安排重新计算';
  return PUBLIC_TEXT[e.type as CaseAction | 'intake'] ?? null;
}

export async function publicProgress(ctx: AppContext, caseNo: string, phone4: string) {
  const { db } = ctx.database;
  // typed back from a notice by a villager: without hyphens, with full-width dashes, spaces, lower case
  const row = await repo.findProgress(db, normalizeCaseNo(caseNo));
  // A wrong pair answers exactly like an unknown number: nothing tells a guesser which part was wrong.
  if (!row || !row.applicant_phone.endsWith(phone4.normalize('NFKC'))) throw notFound('该办件，请核对办件编号和电话后四位');
  return progressOf(db, row);
}

/** 我的办件: the progress of each case of a signed-in applicant (their ID number and SMS-proven phone). */
export async function applicantProgress(ctx: AppContext, idNumber: string, phone: string) {
  const { db } = ctx.database;
  const rows = await repo.casesOfApplicant(db, idNumber, phone);
  return Promise.all(rows.map((row) => progressOf(db, row)));
}

async function progressOf(db: Db, row: NonNullable<Awaited<ReturnType<typeof repo.findProgress>>>) {
  const events = await caseTimeline(db, row.id);
  return {
    caseNo: row.case_no,
    itemName: row.item_name,
    status: row.status as CaseStatus,
    statusName: STATUS_NAMES[row.status as CaseStatus],
    acceptedAt: row.accepted_at,
    dueAt: row.due_at,
    dueProvisional: row.due_provisional === 1,
    timeline: events.flatMap((e) => {
      const text = publicText(e);
      return text ? [{ at: e.at, text }] : [];
    }),
  };
}

