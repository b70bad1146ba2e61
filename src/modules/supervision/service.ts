/**
 * Electronic supervision's reads and the few writes people make (API.md "v1 additions": Supervision): the rules
 * (an administrator switches them and sets their parameters, with a reason, kept as history), the violations in the
 * viewer's tree with the facts that fired them, the center's explanation and the supervisor's decision, and the
 * per-center overview counted in SQL from stored lights and violation rows.
 */
import { randomUUID } from 'node:crypto';
import { eventName } from '../../domain/vocabulary/actions.js';
import { monthBounds } from '../../domain/calendar/months.js';
import { DomainError } from '../../domain/errors.js';
import { subtreeIds, type OrgLevel } from '../../domain/orgs/tree.js';
import { hasPermission } from '../../domain/roles.js';
import { checkParams, effectiveParams, RULE_BY_CODE, RULES, SEVERITY_NAMES, TRIGGER_NAMES, type RuleCode, type Severity } from '../../domain/supervision/rules.js';
import {
  DECISION_NAMES,
  decideProblem,
  explainProblem,
  statusAfter,
  UNDECIDED,
  VIOLATION_STATUS_NAMES,
  type Decision,
  type ViolationProblem,
  type ViolationStatus,
} from '../../domain/supervision/violations.js';
import type { RuleChange, SupervisionOverview, SupervisionRule, Violation, ViolationDetail } from '../../domain/contract/supervision.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { SupervisionRulesTable, ViolationsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { caseCountsByCenter } from '../cases/supervision-facts.js';
import { caseEvents } from '../events/repo.js';
import { listOrgs, orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './repo.js';
import { publishViolations } from './violations-publish.js';

// ------------------------------------------------------------------------------------------------- rules

function presentRule(row: SupervisionRulesTable, names: Map<string, { name: string }>): SupervisionRule {
  const def = RULE_BY_CODE.get(row.code)!;
  const params = effectiveParams(def, fromJson<unknown>(row.parameters, {}));
  return {
    code: def.code,
    number: row.number,
    name: row.name,
    description: row.description,
    severity: row.severity as Severity,
    severityName: SEVERITY_NAMES[row.severity as Severity] ?? row.severity,
    trigger: def.trigger,
    triggerName: TRIGGER_NAMES[def.trigger],
    parameters: def.parameters.map((p) => ({ ...p, value: params[p.key]! })),
    enabled: row.enabled === 1,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by ? { id: row.updated_by, name: names.get(row.updated_by)?.name ?? null } : null,
  };
}

/** Rules this program knows (a row of an unknown code, from a newer program, is not shown). */
const knownRows = (rows: SupervisionRulesTable[]) => rows.filter((r) => RULE_BY_CODE.has(r.code));

export async function listRules(ctx: AppContext): Promise<{ rules: SupervisionRule[] }> {
  const { db } = ctx.database;
  const rows = knownRows(await repo.listRuleRows(db));
  const names = await peopleByIds(db, rows.map((r) => r.updated_by));
  return { rules: rows.map((r) => presentRule(r, names)) };
}

const ruleOrNotFound = async (db: Db, code: string) => {
  const row = await repo.findRuleRow(db, code);
  if (!row || !RULE_BY_CODE.has(code)) throw notFound('该监察规则');
  return row;
};

/**
 * The administrator switches a rule on or off and sets its parameters, with a reason (required), under the version
 * read (409 when stale); the change is kept in the rule's history and the audit log, in one transaction.
 */
export async function updateRule(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: { expectedVersion: number; enabled?: boolean | undefined; parameters?: Record<string, unknown> | undefined; reason: string },
): Promise<SupervisionRule> {
  const now = ctx.clock().toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await ruleOrNotFound(trx, code);
    const def = RULE_BY_CODE.get(code)!;
    if (row.version !== input.expectedVersion) throw versionConflict();
    const current = effectiveParams(def, fromJson<unknown>(row.parameters, {}));
    const checked = checkParams(def, input.parameters ?? {}, current);
    if (!checked.ok) throw new DomainError('RULE_PARAMETER_INVALID', checked.message);
    const enabled = input.enabled ?? row.enabled === 1;
    const changes: RuleChange['changes'] = [];
    if (enabled !== (row.enabled === 1)) {
      changes.push({ field: 'enabled', label: '开关', from: row.enabled === 1 ? '启用' : '停用', to: enabled ? '启用' : '停用' });
    }
    for (const p of def.parameters) {
      if (checked.params[p.key] !== current[p.key]) {
        changes.push({ field: p.key, label: p.label, from: `${current[p.key]} ${p.unit}`, to: `${checked.params[p.key]} ${p.unit}` });
      }
    }
    if (changes.length === 0) throw new DomainError('RULE_UNCHANGED', '开关和参数都没有改动，无需保存。');
    const ok = await repo.updateRuleRow(trx, code, input.expectedVersion, {
      enabled: enabled ? 1 : 0,
      parameters: toJson(checked.params),
      updated_at: now,
      updated_by: actor.userId,
    });
    if (!ok) throw versionConflict();
    await repo.insertRuleChange(trx, {
      id: randomUUID(),
      rule_code: code,
      at: now,
      by_user_id: actor.userId,
      changes: toJson(changes),
      reason: input.reason.trim(),
      version: input.expectedVersion + 1,
    });
    await recordAudit(trx, {
      at: new Date(now),
      userId: actor.userId, ip: actor.ip,
      action: 'supervision.rule.update',
      targetType: 'supervision_rule',
      targetId: code,
      detail: { changes, reason: input.reason.trim() },
    });
    const after = (await repo.findRuleRow(trx, code))!;
    return presentRule(after, new Map([[actor.userId, { name: actor.name }]]));
  });
}

export async function ruleHistory(ctx: AppContext, code: string): Promise<{ changes: RuleChange[]; total: number }> {
  const { db } = ctx.database;
  await ruleOrNotFound(db, code);
  const rows = await repo.ruleChanges(db, code);
  const names = await peopleByIds(db, rows.map((r) => r.by_user_id));
  return {
    changes: rows.map((r) => ({
      id: r.id,
      ruleCode: r.rule_code,
      at: r.at,
      by: r.by_user_id ? { id: r.by_user_id, name: names.get(r.by_user_id)?.name ?? null } : null,
      changes: fromJson<RuleChange['changes']>(r.changes, []),
      reason: r.reason,
      version: r.version,
    })),
    total: rows.length,
  };
}

// ---------------------------------------------------------------------------------------------- violations

/**
 * The centers whose violations the viewer sees: supervisors, leaders and directors the tree below their organisation
 * (a township director's villages too: their hops are the township's to follow); window staff their own center.
 */
export async function violationScope(db: Db, actor: Actor): Promise<Set<string>> {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'leader' || r === 'director')) return new Set([actor.orgId]);
  const orgs = await listOrgs(db);
  return subtreeIds(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })),
    actor.orgId,
  );
}

async function presentViolations(db: Db, rows: ViolationsTable[]): Promise<Violation[]> {
  const orgs = await orgsByIds(db, rows.map((r) => r.org_id));
  const windows = await windowsByIds(db, rows.map((r) => r.window_id));
  const people = await peopleByIds(db, rows.map((r) => r.person_id));
  const rules = new Map((await repo.listRuleRows(db)).map((r) => [r.code, r]));
  return rows.map((r) => {
    const def = RULE_BY_CODE.get(r.rule_code)!;
    const rule = rules.get(r.rule_code);
    const org = orgs.get(r.org_id);
    return {
      id: r.id,
      ruleCode: def.code,
      ruleNumber: rule?.number ?? def.number,
      ruleName: rule?.name ?? def.name,
      severity: r.severity as Severity,
      severityName: SEVERITY_NAMES[r.severity as Severity] ?? r.severity,
      caseId: r.case_id,
      caseNo: r.case_no,
      orgId: r.org_id,
      orgName: org ? org.center_name : null,
      windowId: r.window_id,
      windowName: r.window_id ? (windows.get(r.window_id)?.name ?? null) : null,
      person: r.person_id ? { id: r.person_id, name: people.get(r.person_id)?.name ?? null } : null,
      at: r.fired_at,
      occurredAt: r.occurred_at,
      facts: fromJson<Violation['facts']>(r.facts, {}),
      factLines: fromJson<Violation['factLines']>(r.fact_lines, []),
      factsText: r.facts_text,
      status: r.status as ViolationStatus,
      statusName: VIOLATION_STATUS_NAMES[r.status as ViolationStatus] ?? r.status,
      version: r.version,
    };
  });
}

/** The list's status filter for 未处理: not decided yet (UNDECIDED), what the dashboards count. */
export const UNDECIDED_FILTER = 'undecided';

export interface ViolationQuery {
  orgId?: string | undefined;
  /** with orgId: that center and every center below it */
  below?: boolean | undefined;
  ruleCode?: RuleCode | undefined;
  status?: ViolationStatus | typeof UNDECIDED_FILTER | undefined;
  caseId?: string | undefined;
  /** 'YYYY-MM': violations recorded in that month of the center's time zone (as the month report counts them) */
  month?: string | undefined;
  page: number;
  pageSize: number;
}

/** Violations recorded within [from, to). */
const firedIn = ({ from, to }: { from: string; to: string }) => ({ firedFrom: from, firedTo: to });

/**
 * The violations of the viewer's tree, newest first; `orgId` narrows to one center of it (with `below`, to that
 * center and the centers below it), `month` to a month, status 'undecided' to those not decided yet.
 */
export async function listViolations(ctx: AppContext, actor: Actor, q: ViolationQuery): Promise<{ violations: Violation[]; total: number }> {
  const { db } = ctx.database;
  const scope = await violationScope(db, actor);
  if (q.orgId && !scope.has(q.orgId)) throw forbidden('查看该机构的监察记录');
  const below = q.orgId && q.below ? subtreeIds((await listOrgs(db)).map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })), q.orgId) : undefined;
  const filter: repo.ViolationFilter = {
    orgIds: below ? [...scope].filter((id) => below.has(id)) : [...scope],
    ...(q.orgId && !below && { orgId: q.orgId }),
    ...(q.ruleCode && { ruleCode: q.ruleCode }),
    ...(q.status && (q.status === UNDECIDED_FILTER ? { statuses: UNDECIDED } : { status: q.status })),
    ...(q.caseId && { caseId: q.caseId }),
    ...(q.month && firedIn(monthBounds(q.month, ctx.config.timeZone))),
  };
  const rows = await repo.listViolationRows(db, filter, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { violations: await presentViolations(db, rows), total: await repo.countViolationRows(db, filter) };
}

async function visibleViolation(db: Db, actor: Actor, id: string): Promise<ViolationsTable> {
  const row = await repo.findViolationRow(db, id);
  if (!row || !RULE_BY_CODE.has(row.rule_code)) throw notFound('该监察记录');
  if (!(await violationScope(db, actor)).has(row.org_id)) throw forbidden('查看该监察记录');
  return row;
}

const mayExplain = (actor: Actor, row: ViolationsTable) =>
  hasPermission(actor.roles, 'supervision.explain') && explainProblem({ status: row.status as ViolationStatus, orgId: row.org_id }, actor, 'x') === null;
const mayDecide = (actor: Actor, row: ViolationsTable) =>
  hasPermission(actor.roles, 'supervision.decide') && (UNDECIDED as readonly string[]).includes(row.status);

/** One violation with its own steps, the case's steps and what the viewer may do with it. */
export async function getViolation(ctx: AppContext, actor: Actor, id: string): Promise<ViolationDetail> {
  const { db } = ctx.database;
  const row = await visibleViolation(db, actor, id);
  const [v] = await presentViolations(db, [row]);
  const people = await peopleByIds(db, [row.explained_by, row.decided_by]);
  const who = (userId: string | null) => (userId ? { id: userId, name: people.get(userId)?.name ?? null } : null);
  const events: ViolationDetail['events'] = [{ at: row.fired_at, type: 'recorded', name: `${v!.ruleNumber} ${v!.ruleName}：记录`, by: null, text: row.facts_text }];
  if (row.explained_at) {
    events.push({ at: row.explained_at, type: 'explained', name: '中心说明情况', by: who(row.explained_by)?.name ?? null, text: row.explanation });
  }
  if (row.decided_at && row.decision) {
    events.push({ at: row.decided_at, type: row.decision, name: `纪检监察员${DECISION_NAMES[row.decision as Decision]}`, by: who(row.decided_by)?.name ?? null, text: row.decision_reason });
  }
  const steps = await caseEvents(db, row.case_id);
  return {
    ...v!,
    explanation: row.explained_at ? { reason: row.explanation ?? '', by: who(row.explained_by), at: row.explained_at } : null,
    decision:
      row.decided_at && row.decision
        ? { decision: row.decision as Decision, decisionName: DECISION_NAMES[row.decision as Decision], reason: row.decision_reason ?? '', by: who(row.decided_by), at: row.decided_at }
        : null,
    events,
    caseEvents: steps.map((e) => ({ at: e.at, type: e.type, name: eventName(e.type), by: e.by_name, text: null })),
    allowed: { explain: mayExplain(actor, row), decide: mayDecide(actor, row) },
  };
}

const refuse = (p: ViolationProblem) => new DomainError(p.code, p.message, undefined, p.code === 'NOT_RESPONSIBLE_CENTER' ? 403 : 422);

/** The responsible center (its director or window staff) explains an open violation, under its version. */
export async function explainViolation(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; reason: string }): Promise<ViolationDetail> {
  const now = ctx.clock().toISOString();
  const orgId = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await visibleViolation(trx, actor, id);
    if (row.version !== input.expectedVersion) throw versionConflict();
    const problem = explainProblem({ status: row.status as ViolationStatus, orgId: row.org_id }, actor, input.reason);
    if (problem) throw refuse(problem);
    const ok = await repo.updateViolationRow(trx, id, input.expectedVersion, {
      status: 'explained',
      explanation: input.reason.trim(),
      explained_by: actor.userId,
      explained_at: now,
      updated_at: now,
    });
    if (!ok) throw versionConflict();
    return row.org_id;
  });
  publishViolations(ctx, [orgId], 'explain');
  return getViolation(ctx, actor, id);
}

/** A supervisor confirms or dismisses a violation of their tree, with a reason, under its version. */
export async function decideViolation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number; decision: Decision; reason: string },
): Promise<ViolationDetail> {
  const now = ctx.clock().toISOString();
  const orgId = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await visibleViolation(trx, actor, id);
    if (row.version !== input.expectedVersion) throw versionConflict();
    const problem = decideProblem({ status: row.status as ViolationStatus }, input.reason);
    if (problem) throw refuse(problem);
    const ok = await repo.updateViolationRow(trx, id, input.expectedVersion, {
      status: statusAfter(input.decision),
      decision: input.decision,
      decision_reason: input.reason.trim(),
      decided_by: actor.userId,
      decided_at: now,
      updated_at: now,
    });
    if (!ok) throw versionConflict();
    return row.org_id;
  });
  publishViolations(ctx, [orgId], 'decide');
  return getViolation(ctx, actor, id);
}

// ------------------------------------------------------------------------------------------------ overview

export interface OpenViolationCount {
  total: number;
  byRule: Partial<Record<RuleCode, number>>;
}

/** Violations not decided yet (待说明, 已说明) per center, by rule: for the dashboards and the overview. */
export async function openViolationCounts(db: Db, orgIds: readonly string[]): Promise<Map<string, OpenViolationCount>> {
  const out = new Map<string, OpenViolationCount>();
  for (const r of await repo.undecidedByCenterAndRule(db, orgIds)) {
    if (!RULE_BY_CODE.has(r.ruleCode)) continue;
    const e = out.get(r.orgId) ?? { total: 0, byRule: {} };
    e.total += r.count;
    e.byRule[r.ruleCode as RuleCode] = (e.byRule[r.ruleCode as RuleCode] ?? 0) + r.count;
    out.set(r.orgId, e);
  }
  return out;
}

/** Counts by rule as a list in rule order, rules without any left out (the overview's and the dashboards' rows). */
export const byRuleList = (byRule: Partial<Record<RuleCode, number>>) =>
  RULES.filter((r) => (byRule[r.code] ?? 0) > 0).map((r) => ({ ruleCode: r.code, number: r.number, name: r.name, count: byRule[r.code]! }));

const LEVEL_ORDER: Record<OrgLevel, number> = { county: 0, township: 1, village: 2 };

/**
 * Per center of the tree below `orgId` (the viewer's own organisation by default): open cases by stored light,
 * overdue cases, and violations not decided yet, in all and by rule — grouped counts in SQL.
 */
export async function supervisionOverview(ctx: AppContext, actor: Actor, orgId?: string): Promise<SupervisionOverview> {
  const { db } = ctx.database;
  const scope = await violationScope(db, actor);
  const root = orgId ?? actor.orgId;
  if (!scope.has(root)) throw forbidden('查看该机构的监察情况');
  const orgs = await listOrgs(db);
  const ids = subtreeIds(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })),
    root,
  );
  const centers = orgs.filter((o) => ids.has(o.id) && scope.has(o.id)).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
  const now = ctx.clock().toISOString();
  const counts = await caseCountsByCenter(db, centers.map((c) => c.id), now);
  const violations = await openViolationCounts(db, centers.map((c) => c.id));
  const rows = centers.map((c) => {
    const k = counts.get(c.id) ?? { lights: { green: 0, yellow: 0, red: 0 }, overdue: 0 };
    const v = violations.get(c.id) ?? { total: 0, byRule: {} };
    return {
      orgId: c.id,
      name: c.center_name,
      level: c.level,
      parentId: c.parent_id,
      lights: k.lights,
      overdue: k.overdue,
      openViolations: v.total,
      byRule: byRuleList(v.byRule),
    };
  });
  const totals = rows.reduce(
    (t, r) => ({
      lights: { green: t.lights.green + r.lights.green, yellow: t.lights.yellow + r.lights.yellow, red: t.lights.red + r.lights.red },
      overdue: t.overdue + r.overdue,
      openViolations: t.openViolations + r.openViolations,
    }),
    { lights: { green: 0, yellow: 0, red: 0 }, overdue: 0, openViolations: 0 },
  );
  return { centers: rows, totals, at: now };
}
