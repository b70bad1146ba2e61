/**
 * 百分制考核 (issue 13 §2): the month's scores of a center's windows and people, the director's manual items,
 * appeals and their decisions, closing the month (its scores frozen for 评先评优), the chief representatives, and the
 * rule set. Domain rules in src/domain/assessment; every write is one transaction that also bumps the month's version
 * (a write racing the closing gets 409) and is audited.
 */
import { randomUUID } from 'node:crypto';
import { rankByScore } from '../../domain/assessment/ranking.js';
import { CATEGORY_INFO, CATEGORIES, manualPointsProblem, ruleEditProblem, type Category, type RuleSource } from '../../domain/assessment/rules.js';
import { appealDeadline, appealProblem, chiefShareItems, closeProblem, scoreSubject, CHIEF_SHARE, type ScoreItem, type ScoreRule } from '../../domain/assessment/score.js';
import type { AssessmentDeduction, AssessmentMonth, AssessmentRuleView, AssessmentSubject } from '../../domain/assessment/contract.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { MONTH_PATTERN } from '../../domain/calendar/months.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { hasPermission, ROLE_NAMES } from '../../domain/roles.js';
import { replayOnUniqueViolation, toBool } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { caseIdByNumber } from '../evaluation/case-facts.js';
import { findOrg } from '../orgs/repo.js';
import { listUsers, peopleByIds } from '../users/repo.js';
import { listWindows } from '../windows/repo.js';
import { recomputeMonth, rolesOf, SCORED_ROLES } from './compute.js';
import * as repo from './repo.js';
import { assessmentSettings } from './settings.js';

const badMonth = () => new DomainError('INVALID_MONTH', '月份请按 YYYY-MM 填写，如 2027-01');
const monthClosed = () => new DomainError('ASSESSMENT_MONTH_CLOSED', '这个月的考核已经关账，不能再修改。如确需更正，请联系县级主管部门。', undefined, 409);

const ruleView = (r: repo.RuleRow): AssessmentRuleView => ({
  code: r.code,
  name: r.name,
  category: r.category as Category,
  categoryName: CATEGORY_INFO[r.category as Category]?.name ?? r.category,
  points: r.points,
  maxPoints: r.max_points,
  cap: r.cap,
  source: r.source as RuleSource,
  description: r.description,
  enabled: toBool(r.enabled),
  version: r.version,
});

export async function listRules(ctx: AppContext) {
  const rows = await repo.listRules(ctx.database.db);
  return { rules: rows.map(ruleView), categories: CATEGORIES.map((code) => ({ code, ...CATEGORY_INFO[code] })) };
}

export async function editRule(ctx: AppContext, actor: Actor, code: string, input: { points: number; maxPoints: number | null; cap: number | null; enabled: boolean; expectedVersion: number }) {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const rule = await repo.findRule(trx, code);
    if (!rule) throw notFound('该考核规则');
    const problem = ruleEditProblem({ source: rule.source as RuleSource }, input);
    if (problem) throw new DomainError('ASSESSMENT_RULE_INVALID', problem);
    if (!(await repo.updateRule(trx, code, input.expectedVersion, { points: input.points, max_points: input.maxPoints, cap: input.cap, enabled: input.enabled ? 1 : 0, updated_by: actor.userId, updated_at: now.toISOString() }))) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.rule', targetType: 'assessment_rule', targetId: code, detail: { from: ruleView(rule), to: input } });
  });
  return ruleView((await repo.findRule(ctx.database.db, code))!);
}

/** The center the actor looks at: their own (the assessment is kept inside the center). */
async function centerOf(db: Db, actor: Actor, orgId?: string) {
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) throw forbidden('查看或管理其他中心的考核');
  const org = await findOrg(db, id);
  if (!org) throw notFound('该中心');
  return org;
}

const canManage = (actor: Actor) => hasPermission(actor.roles, 'assessment.manage');

async function currentMonth(ctx: AppContext) {
  return localDate(ctx.clock(), ctx.config.timeZone).slice(0, 7);
}

/** Makes sure the month row exists (open) and returns it. */
async function monthRow(db: Db, orgId: string, month: string, at: string): Promise<repo.MonthRow> {
  await repo.ensureMonth(db, { id: randomUUID(), org_id: orgId, month, status: 'open', computed_at: null, closed_at: null, closed_by: null, created_at: at, updated_at: at, version: 1 });
  return (await repo.findMonth(db, orgId, month))!;
}

interface Computed {
  org: { id: string; name: string };
  month: repo.MonthRow;
  subjects: (AssessmentSubject & { own: boolean })[];
  appeals: AssessmentMonth['appeals'];
  staff: { id: string; name: string }[];
}

/** The month's scores of every window and person of the center, with each line and its appeal. */
async function computeMonth(ctx: AppContext, db: Db, actor: Actor | null, orgId: string, month: string): Promise<Computed> {
  const at = ctx.clock().toISOString();
  const org = (await findOrg(db, orgId))!;
  const [m, settings, ruleRows, items, appeals, users, windows] = await Promise.all([
    monthRow(db, orgId, month, at),
    assessmentSettings(db),
    repo.listRules(db),
    repo.itemsOf(db, orgId, month),
    repo.appealsOf(db, orgId, month),
    listUsers(db, [orgId]),
    listWindows(db, [orgId]),
  ]);
  const rules = new Map(ruleRows.map((r) => [r.code, r]));
  const scoreRules = new Map<string, ScoreRule>(ruleRows.map((r) => [r.code, { code: r.code, category: r.category as Category, source: r.source as RuleSource, cap: r.cap }]));
  const chiefs = new Map((await repo.chiefsOf(db, windows.map((w) => w.id))).map((c) => [c.window_id, c.user_id]));
  const appealOf = new Map(appeals.map((a) => [a.item_id, a]));
  const people = await peopleByIds(db, [...appeals.flatMap((a) => [a.by_user_id, a.decided_by]), ...chiefs.values()]);
  const today = localDate(ctx.clock(), ctx.config.timeZone);
  const myWindows = new Set(windows.filter((w) => actor && (w.post_a_user_id === actor.userId || w.post_b_user_id === actor.userId || chiefs.get(w.id) === actor.userId)).map((w) => w.id));
  const manager = actor ? canManage(actor) : true;

  const appealView = (a: repo.AppealRow) => ({
    id: a.id,
    itemId: a.item_id,
    status: a.status,
    reason: a.reason,
    byName: people.get(a.by_user_id)?.name ?? '',
    createdAt: a.created_at,
    decisionReason: a.decision_reason,
    decidedByName: a.decided_by ? (people.get(a.decided_by)?.name ?? '') : null,
    decidedAt: a.decided_at,
    version: a.version,
  });
  const asScore = (i: repo.ItemRow): ScoreItem => ({ id: i.id, ruleCode: i.rule_code, points: i.points, status: i.status, occurredAt: i.occurred_at });

  const subjectsOf: { kind: 'window' | 'person'; id: string; name: string; note: string | null; own: boolean; chiefOf: string[]; chief: { id: string; name: string } | null }[] = [];
  for (const w of windows) {
    if (!toBool(w.active) && !items.some((i) => i.subject_kind === 'window' && i.subject_id === w.id)) continue;
    const chief = chiefs.get(w.id);
    subjectsOf.push({ kind: 'window', id: w.id, name: w.name, note: w.department, own: myWindows.has(w.id), chiefOf: [], chief: chief ? { id: chief, name: people.get(chief)?.name ?? '' } : null });
  }
  for (const u of users) {
    const roles = rolesOf(u.roles);
    const isChief = [...chiefs.values()].includes(u.id);
    const has = items.some((i) => i.subject_kind === 'person' && i.subject_id === u.id);
    if (!has && !(toBool(u.active) && (roles.some((r) => SCORED_ROLES.includes(r)) || isChief))) continue;
    const post = roles.find((r) => r !== 'sysadmin' && r !== 'secadmin' && r !== 'auditor');
    subjectsOf.push({
      kind: 'person',
      id: u.id,
      name: u.name,
      note: post ? ROLE_NAMES[post] : null,
      own: actor?.userId === u.id,
      chiefOf: windows.filter((w) => chiefs.get(w.id) === u.id).map((w) => w.name),
      chief: null,
    });
  }

  const subjects = subjectsOf.map((s) => {
    const ownItems = items.filter((i) => i.subject_kind === s.kind && i.subject_id === s.id);
    const shared: { item: repo.ItemRow; score: ScoreItem }[] = [];
    if (s.kind === 'person' && settings.chiefShare) {
      for (const w of windows.filter((x) => chiefs.get(x.id) === s.id)) {
        const wItems = items.filter((i) => i.subject_kind === 'window' && i.subject_id === w.id);
        const shares = chiefShareItems(wItems.map(asScore), scoreRules, CHIEF_SHARE);
        for (const sh of shares) shared.push({ item: wItems.find((i) => `chief:${i.id}` === sh.id)!, score: sh });
      }
    }
    const scored = scoreSubject([...ownItems.map(asScore), ...shared.map((x) => x.score)], scoreRules);
    const line = (i: repo.ItemRow, lineId: string, recorded: number, share: boolean): AssessmentDeduction => {
      const rule = rules.get(i.rule_code);
      const sign = rule?.source === 'bonus' ? 1 : -1;
      const appeal = appealOf.get(i.id);
      const deadline = appealDeadline(localDate(new Date(i.created_at), ctx.config.timeZone), settings.appealDays);
      const mine = s.own && (s.kind === 'person' || myWindows.has(s.id));
      return {
        itemId: i.id,
        ruleCode: i.rule_code,
        ruleName: rule?.name ?? i.rule_code,
        categoryName: rule ? (CATEGORY_INFO[rule.category as Category]?.name ?? rule.category) : '',
        points: sign * (scored.counted.get(lineId) ?? 0) || 0,
        recordedPoints: sign * recorded,
        reason: share ? `首席代表分担窗口扣分的一半：${i.reason}` : i.reason,
        ...(i.case_id ? { caseId: i.case_id } : {}),
        caseNo: i.case_no,
        status: i.status,
        origin: i.origin,
        share,
        occurredAt: i.occurred_at,
        createdAt: i.created_at,
        evidenceName: i.evidence_name,
        appealDeadline: deadline,
        canAppeal:
          !share &&
          appealProblem({ monthStatus: m.status, itemStatus: i.status, isBonus: rule?.source === 'bonus', hasAppeal: Boolean(appeal), own: mine, today, deadline }) === null,
        appeal: appeal ? appealView(appeal) : null,
        version: i.version,
      };
    };
    const detail = manager || s.own;
    const deductions = detail
      ? [...ownItems.map((i) => line(i, i.id, i.points, false)), ...shared.map((x) => line(x.item, x.score.id, x.score.points, true))].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0))
      : [];
    return { ...s, score: scored.score, deducted: scored.deducted, bonus: scored.bonus, detail, deductions, rank: 0 };
  });
  for (const kind of ['window', 'person'] as const) {
    const ranked = rankByScore(subjects.filter((s) => s.kind === kind).map((s) => ({ id: s.id, score: s.score })));
    for (const r of ranked) subjects.find((s) => s.kind === kind && s.id === r.id)!.rank = r.rank;
  }
  subjects.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));

  const nameOfSubject = (i: repo.ItemRow) => subjects.find((s) => s.kind === i.subject_kind && s.id === i.subject_id)?.name ?? '';
  const itemById = new Map(items.map((i) => [i.id, i]));
  const appealList = (manager ? appeals : appeals.filter((a) => a.by_user_id === actor?.userId)).map((a) => {
    const i = itemById.get(a.item_id)!;
    return { ...appealView(a), subjectName: nameOfSubject(i), ruleName: rules.get(i.rule_code)?.name ?? i.rule_code, points: i.points, itemReason: i.reason };
  });
  const staff = users.filter((u) => toBool(u.active)).map((u) => ({ id: u.id, name: u.name }));
  return { org: { id: org.id, name: org.center_name || org.name }, month: m, subjects, appeals: appealList, staff };
}

/** GET /api/assessments?orgId=&month= */
export async function getAssessment(ctx: AppContext, actor: Actor, orgId: string | undefined, month: string | undefined): Promise<AssessmentMonth> {
  const { db } = ctx.database;
  const org = await centerOf(db, actor, orgId);
  const m = month ?? (await currentMonth(ctx));
  if (!MONTH_PATTERN.test(m)) throw badMonth();
  if (m > (await currentMonth(ctx))) throw new DomainError('ASSESSMENT_MONTH_FUTURE', '这个月还没有开始，没有考核记录。');
  const settings = await assessmentSettings(db);
  const c = await computeMonth(ctx, db, actor, org.id, m);
  if (c.month.status === 'closed') {
    // a closed month shows the scores and ranks frozen when it was closed, whatever rules or settings changed since
    const frozen = new Map((await repo.resultsOf(db, org.id, m)).map((r) => [`${r.subject_kind}:${r.subject_id}`, r]));
    for (const s of c.subjects) {
      const r = frozen.get(`${s.kind}:${s.id}`);
      if (r) Object.assign(s, { score: Number(r.score), deducted: Number(r.deducted), bonus: Number(r.bonus), rank: r.rank });
    }
    c.subjects.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
  }
  const strip = ({ own: _own, ...s }: Computed['subjects'][number]) => s;
  return {
    orgId: c.org.id,
    orgName: c.org.name,
    month: m,
    status: c.month.status,
    version: c.month.version,
    computedAt: c.month.computed_at,
    closedAt: c.month.closed_at,
    canManage: canManage(actor),
    settings,
    windows: c.subjects.filter((s) => s.kind === 'window').map(strip),
    people: c.subjects.filter((s) => s.kind === 'person').map(strip),
    appeals: c.appeals,
    staff: canManage(actor) ? c.staff : [],
  };
}

/** Bumps the open month's version inside the write's transaction: a closed month refuses the write. */
async function lockOpenMonth(db: Db, orgId: string, month: string, at: string): Promise<repo.MonthRow> {
  const m = await monthRow(db, orgId, month, at);
  if (m.status === 'closed') throw monthClosed();
  if (!(await repo.touchMonth(db, m.id, null, { updated_at: at }))) throw monthClosed();
  return m;
}

export interface ManualInput {
  orgId?: string | undefined;
  month: string;
  subjectKind: 'window' | 'person';
  subjectId: string;
  ruleCode: string;
  points?: number | undefined;
  reason: string;
  caseNo?: string | undefined;
}

/** The director enters a manual deduction or a bonus (Idempotency-Key: a double submit records it once). */
export async function addManualItem(ctx: AppContext, actor: Actor, input: ManualInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const org = await centerOf(db, actor, input.orgId);
  if (!MONTH_PATTERN.test(input.month)) throw badMonth();
  if (input.month > (await currentMonth(ctx))) throw new DomainError('ASSESSMENT_MONTH_FUTURE', '这个月还没有开始，不能录入考核。');
  // the key answers with its item only for the same entry: sent again with other content it is refused
  const fingerprint = requestFingerprint('POST /api/assessments/items', input);
  const stored = async (d: Db) => {
    const row = await repo.findItemByKey(d, actor.userId, key);
    if (!row) return undefined;
    assertSameRequest(row.idempotency_fingerprint, fingerprint);
    return { id: row.id, replayed: true };
  };
  const rule = await repo.findRule(db, input.ruleCode);
  if (!rule || !toBool(rule.enabled)) throw new DomainError('ASSESSMENT_RULE_UNKNOWN', '请选择一条启用中的考核规则。');
  const points = input.points ?? rule.points;
  const problem = manualPointsProblem({ source: rule.source as RuleSource, points: rule.points, maxPoints: rule.max_points, name: rule.name }, points);
  if (problem) throw new DomainError('ASSESSMENT_POINTS_INVALID', problem);
  if (input.subjectKind === 'window') {
    if (!(await listWindows(db, [org.id])).some((w) => w.id === input.subjectId)) throw new DomainError('ASSESSMENT_SUBJECT_UNKNOWN', '请选择本中心的窗口。');
  } else if (!(await listUsers(db, [org.id])).some((u) => u.id === input.subjectId)) {
    throw new DomainError('ASSESSMENT_SUBJECT_UNKNOWN', '请选择本中心的工作人员。');
  }
  const caseNo = input.caseNo?.trim() || null;
  const caseId = caseNo ? await caseIdByNumber(db, caseNo) : null;
  if (caseNo && !caseId) throw new DomainError('CASE_NOT_FOUND', `没有找到办件 ${caseNo}，请核对办件编号；与办件无关的可不填。`);
  return replayOnUniqueViolation(
    () =>
      db.transaction().execute(async (trx) => {
        const again = await stored(trx);
        if (again) return again;
        await lockOpenMonth(trx, org.id, input.month, at);
        const id = randomUUID();
        await repo.insertItem(trx, {
          id,
          org_id: org.id,
          month: input.month,
          subject_kind: input.subjectKind,
          subject_id: input.subjectId,
          rule_code: rule.code,
          points,
          reason: input.reason.trim(),
          case_id: caseId,
          case_no: caseNo,
          source_key: null,
          evidence_hash: null,
          evidence_name: null,
          origin: 'manual',
          status: 'active',
          occurred_at: at,
          idempotency_key: key,
          idempotency_fingerprint: fingerprint,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          version: 1,
        });
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.item', targetType: 'assessment_item', targetId: id, detail: { orgId: org.id, month: input.month, subject: `${input.subjectKind}:${input.subjectId}`, rule: rule.code, points, reason: input.reason } });
        return { id, replayed: false };
      }),
    () => stored(db),
  );
}

/** The director takes back a manual item entered by mistake (kept on record as withdrawn). */
export async function withdrawManualItem(ctx: AppContext, actor: Actor, itemId: string, expectedVersion: number): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const item = await repo.findItem(trx, itemId);
    if (!item || item.org_id !== actor.orgId) throw notFound('该考核记录');
    if (item.origin !== 'manual') throw new DomainError('ASSESSMENT_AUTO_ITEM', '自动扣分按记录计算，不能撤销；如有错误请由本人申诉，或更正源头记录后点“重新计算”。', undefined, 409);
    if (item.status !== 'active') throw new DomainError('ASSESSMENT_ITEM_INACTIVE', '这条记录已经不计分了。', undefined, 409);
    await lockOpenMonth(trx, item.org_id, item.month, at);
    if (!(await repo.setItemStatus(trx, item.id, expectedVersion, 'withdrawn', at))) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.item.withdraw', targetType: 'assessment_item', targetId: item.id, detail: { reason: item.reason } });
  });
}

/** A person appeals a deduction of their own (or of their window) within the appeal period. */
export async function appealItem(ctx: AppContext, actor: Actor, itemId: string, reason: string): Promise<{ id: string }> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const settings = await assessmentSettings(db);
  const item = await repo.findItem(db, itemId);
  if (!item || item.org_id !== actor.orgId) throw notFound('该扣分记录');
  let own = item.subject_kind === 'person' && item.subject_id === actor.userId;
  if (item.subject_kind === 'window') {
    const w = (await listWindows(db, [item.org_id])).find((x) => x.id === item.subject_id);
    const chief = (await repo.chiefsOf(db, [item.subject_id]))[0]?.user_id;
    own = Boolean(w && (w.post_a_user_id === actor.userId || w.post_b_user_id === actor.userId || chief === actor.userId));
  }
  const rule = await repo.findRule(db, item.rule_code);
  const id = randomUUID();
  await replayOnUniqueViolation(
    () =>
      db.transaction().execute(async (trx) => {
        const m = await monthRow(trx, item.org_id, item.month, at);
        const current = (await repo.findItem(trx, itemId))!;
        const problem = appealProblem({
          monthStatus: m.status,
          itemStatus: current.status,
          isBonus: rule?.source === 'bonus',
          hasAppeal: Boolean(await repo.findAppealOfItem(trx, itemId)),
          own,
          today: localDate(now, tz),
          deadline: appealDeadline(localDate(new Date(item.created_at), tz), settings.appealDays),
        });
        if (problem) throw new DomainError('ASSESSMENT_APPEAL_REFUSED', problem, undefined, m.status === 'closed' || problem.includes('已经申诉') ? 409 : 422);
        await lockOpenMonth(trx, item.org_id, item.month, at);
        await repo.insertAppeal(trx, { id, item_id: itemId, org_id: item.org_id, month: item.month, reason: reason.trim(), status: 'pending', by_user_id: actor.userId, created_at: at, decided_by: null, decided_at: null, decision_reason: null, updated_at: at, version: 1 });
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.appeal', targetType: 'assessment_item', targetId: itemId, detail: { reason } });
      }),
    async () => {
      throw new DomainError('ASSESSMENT_APPEAL_REFUSED', '这条扣分已经申诉过了，请等待或查看中心主任的决定。', undefined, 409);
    },
  );
  return { id };
}

/** The director decides an appeal with a reason: upheld → the deduction no longer counts (kept on record). */
export async function decideAppeal(ctx: AppContext, actor: Actor, appealId: string, input: { decision: 'upheld' | 'rejected'; reason: string; expectedVersion: number }): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const appeal = await repo.findAppeal(trx, appealId);
    if (!appeal || appeal.org_id !== actor.orgId) throw notFound('该申诉');
    if (appeal.status !== 'pending') throw new DomainError('ASSESSMENT_APPEAL_DECIDED', '这条申诉已经作出决定了，请刷新页面查看。', undefined, 409);
    await lockOpenMonth(trx, appeal.org_id, appeal.month, at);
    if (!(await repo.decideAppealRow(trx, appealId, input.expectedVersion, { status: input.decision, decided_by: actor.userId, decided_at: at, decision_reason: input.reason.trim(), updated_at: at }))) throw versionConflict();
    if (input.decision === 'upheld') await repo.setItemStatus(trx, appeal.item_id, null, 'cancelled', at);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.appeal.decide', targetType: 'assessment_appeal', targetId: appealId, detail: { decision: input.decision, reason: input.reason } });
  });
}

/** The director closes the month: no changes after; open appeals and deductions still inside their appeal window block it. The scores are frozen for 评先评优. */
export async function closeMonth(ctx: AppContext, actor: Actor, input: { orgId?: string | undefined; month: string; expectedVersion: number }): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const org = await centerOf(db, actor, input.orgId);
  if (!MONTH_PATTERN.test(input.month)) throw badMonth();
  const current = await currentMonth(ctx);
  await db.transaction().execute(async (trx) => {
    const m = await monthRow(trx, org.id, input.month, at);
    const [settings, ruleRows, items, appeals] = await Promise.all([assessmentSettings(trx), repo.listRules(trx), repo.itemsOf(trx, org.id, input.month), repo.appealsOf(trx, org.id, input.month)]);
    const bonusRules = new Set(ruleRows.filter((r) => r.source === 'bonus').map((r) => r.code));
    const appealed = new Set(appeals.map((a) => a.item_id));
    const problem = closeProblem({
      status: m.status,
      month: input.month,
      currentMonth: current,
      pendingAppeals: await repo.pendingAppealCount(trx, org.id, input.month),
      today: localDate(now, ctx.config.timeZone),
      items: items.map((i) => ({
        itemStatus: i.status,
        isBonus: bonusRules.has(i.rule_code),
        hasAppeal: appealed.has(i.id),
        deadline: appealDeadline(localDate(new Date(i.created_at), ctx.config.timeZone), settings.appealDays),
      })),
    });
    if (problem) throw new DomainError('ASSESSMENT_CANNOT_CLOSE', problem, undefined, m.status === 'closed' ? 409 : 422);
    if (m.version !== input.expectedVersion) throw versionConflict();
    if (!(await repo.touchMonth(trx, m.id, input.expectedVersion, { status: 'closed', closed_at: at, closed_by: actor.userId, updated_at: at }))) throw versionConflict();
    const c = await computeMonth(ctx, trx, null, org.id, input.month);
    await repo.replaceResults(
      trx,
      org.id,
      input.month,
      c.subjects.map((s) => ({ id: randomUUID(), org_id: org.id, month: input.month, subject_kind: s.kind, subject_id: s.id, name: s.name, score: s.score, deducted: s.deducted, bonus: s.bonus, rank: s.rank })),
    );
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.close', targetType: 'assessment_month', targetId: m.id, detail: { orgId: org.id, month: input.month, subjects: c.subjects.length } });
  });
}

/** The director names (or clears) a window's chief representative, one of the center's staff. */
export async function setWindowChief(ctx: AppContext, actor: Actor, windowId: string, userId: string | null): Promise<void> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const windows = await listWindows(db, [actor.orgId]);
  if (!windows.some((w) => w.id === windowId)) throw notFound('本中心的该窗口');
  if (userId && !(await listUsers(db, [actor.orgId])).some((u) => u.id === userId && toBool(u.active))) throw new DomainError('ASSESSMENT_SUBJECT_UNKNOWN', '首席代表请在本中心在岗的工作人员中选择。');
  await db.transaction().execute(async (trx) => {
    await repo.setChief(trx, windowId, userId, actor.userId, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.chief', targetType: 'window', targetId: windowId, detail: { userId } });
  });
}

/** POST /api/assessments/recompute: the director recomputes the automatic deductions of an open month. */
export async function recomputeForDirector(ctx: AppContext, actor: Actor, input: { orgId?: string | undefined; month: string }) {
  const { db } = ctx.database;
  const org = await centerOf(db, actor, input.orgId);
  if (!MONTH_PATTERN.test(input.month)) throw badMonth();
  if (input.month > (await currentMonth(ctx))) throw new DomainError('ASSESSMENT_MONTH_FUTURE', '这个月还没有开始，不能计算。');
  const m = await repo.findMonth(db, org.id, input.month);
  if (m?.status === 'closed') throw monthClosed();
  const result = await recomputeMonth(ctx, input.month, [org.id]);
  await recordAudit(db, { at: ctx.clock(), userId: actor.userId, ip: actor.ip, action: 'assessment.recompute', targetType: 'assessment_month', targetId: org.id, detail: { month: input.month, ...result } });
  return result;
}
