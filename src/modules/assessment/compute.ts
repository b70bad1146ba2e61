/**
 * Automatic deductions (issue 13 §2) from the records other modules keep: overdue cases, refusals the director
 * questioned, late hops, confirmed supervision violations (收费超标准 and the rest), upheld complaints, verified
 * 差评, unexcused absence. Idempotent: each deduction's source key (rule + source record) and subject kind is unique,
 * so recomputing never duplicates; an item whose source no longer qualifies (a violation revoked, a rule switched
 * off) is withdrawn — kept on record, counting nothing — and comes back if its source qualifies again. Only open
 * months change; a closed month is left as it is.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { monthBounds } from '../../domain/calendar/months.js';
import { HALF_DAYS_PER_ABSENT_DAY, ruleOfViolation, usesAttendance } from '../../domain/assessment/rules.js';
import { HOP_NAMES } from '../../domain/cases/hops.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Role } from '../../domain/roles.js';
import type { AppContext, Db } from '../../server/context.js';
import { lateHopsSentIn, overdueCasesDueIn, questionedRefusalsIn } from '../cases/assessment-facts.js';
import { upheldComplaintsOfMonth } from '../complaints/assessment-facts.js';
import { caseIdByNumber, ratedCase } from '../evaluation/case-facts.js';
import { verifiedBadRatingsIn } from '../evaluation/assessment-facts.js';
import { listOrgs } from '../orgs/repo.js';
import { attendanceOfMonth } from '../presence/attendance.js';
import { confirmedViolationsIn } from '../supervision/assessment-facts.js';
import { findUser, listUsers } from '../users/repo.js';
import { windowsByIds, listWindows } from '../windows/repo.js';
import * as repo from './repo.js';

interface Candidate {
  sourceKey: string;
  ruleCode: string;
  subjectKind: 'window' | 'person';
  subjectId: string;
  /** occurrences of the rule (an absent day is two half days) */
  times: number;
  reason: string;
  caseId: string | null;
  caseNo: string | null;
  occurredAt: string;
}

/** Both subjects of a case-based fact: the window and the responsible person. */
function both(base: Omit<Candidate, 'subjectKind' | 'subjectId'>, windowId: string | null, personId: string | null): Candidate[] {
  const out: Candidate[] = [];
  if (windowId) out.push({ ...base, subjectKind: 'window', subjectId: windowId });
  if (personId) out.push({ ...base, subjectKind: 'person', subjectId: personId });
  return out;
}

/** Every automatic deduction the records support for the month (all centers), before rules and open months are applied. */
async function candidatesOf(ctx: AppContext, db: Db, month: string, now: Date, orgIds: readonly string[]): Promise<Candidate[]> {
  const tz = ctx.config.timeZone;
  const { from, to } = monthBounds(month, tz);
  const nowIso = now.toISOString();
  const out: Candidate[] = [];

  for (const c of await overdueCasesDueIn(db, from, to, nowIso)) {
    const facts = await ratedCase(db, c.caseId);
    const due = localDate(new Date(c.dueAt), tz);
    const reason = c.completedAt ? `办件 ${c.caseNo} 承诺 ${due} 办结，实际 ${localDate(new Date(c.completedAt), tz)} 办结，超期。` : `办件 ${c.caseNo} 承诺 ${due} 办结，到期仍未办结，超期。`;
    out.push(...both({ sourceKey: `case-overdue:${c.caseId}`, ruleCode: 'case-overdue', times: 1, reason, caseId: c.caseId, caseNo: c.caseNo, occurredAt: c.dueAt }, c.windowId, facts?.personId ?? c.firstResponderId));
  }
  for (const r of await questionedRefusalsIn(db, from, to)) {
    out.push(
      ...both(
        { sourceKey: `refusal-no-reasons:${r.caseId}`, ruleCode: 'refusal-no-reasons', times: 1, reason: `办件 ${r.caseNo} 退回或不予批准，中心主任审查否定报备时提出异议（理由不充分）。`, caseId: r.caseId, caseNo: r.caseNo, occurredAt: r.reviewedAt },
        r.windowId,
        r.firstResponderId,
      ),
    );
  }
  for (const h of await lateHopsSentIn(db, from, to)) {
    out.push({
      sourceKey: `hop-late:${h.hopId}`,
      ruleCode: 'hop-late',
      subjectKind: 'person',
      subjectId: h.sentBy,
      times: 1,
      reason: `办件 ${h.caseNo} ${HOP_NAMES[h.kind]}时限为 ${localDate(new Date(h.dueAt), tz)}，${localDate(new Date(h.sentAt), tz)} 才送出。`,
      caseId: h.caseId,
      caseNo: h.caseNo,
      occurredAt: h.sentAt,
    });
  }
  for (const v of await confirmedViolationsIn(db, from, to)) {
    const ruleCode = ruleOfViolation(v.ruleCode);
    if (!ruleCode) continue;
    out.push(...both({ sourceKey: `${ruleCode}:${v.id}`, ruleCode, times: 1, reason: `电子监察记录经认定违规（办件 ${v.caseNo}）：${v.factsText}`.slice(0, 500), caseId: v.caseId, caseNo: v.caseNo, occurredAt: v.decidedAt }, v.windowId, v.personId));
  }
  for (const w of await verifiedBadRatingsIn(db, from, to)) {
    out.push(
      ...both(
        { sourceKey: `bad-rating-verified:${w.workOrderId}`, ruleCode: 'bad-rating-verified', times: 1, reason: `差评整改工单 ${w.workOrderNo}（办件 ${w.caseNo}）回访核实：${w.finding === 'partly' ? '部分属实' : '情况属实'}。`, caseId: w.caseId, caseNo: w.caseNo, occurredAt: w.visitedAt },
        w.windowId,
        w.personId,
      ),
    );
  }
  for (const c of await upheldComplaintsOfMonth(db, month)) {
    let windowId: string | null = null;
    let personId: string | null = null;
    let caseId: string | null = null;
    if (c.caseNo) {
      caseId = await caseIdByNumber(db, c.caseNo);
      const facts = caseId ? await ratedCase(db, caseId) : null;
      windowId = facts?.windowId ?? null;
      personId = facts?.personId ?? null;
    }
    if (!personId && c.respondentPerson) {
      // the person the complaint names, by name among the staff of the center complained about
      const named = (await listUsers(db, [c.respondentOrgId ?? c.orgId])).filter((u) => u.name === c.respondentPerson!.trim() && toBool(u.active));
      if (named.length === 1) personId = named[0]!.id;
    }
    if (personId && !windowId) {
      // the window of the person, when they work at exactly one (at several, the complaint does not say which)
      const theirs = (await listWindows(db, [c.respondentOrgId ?? c.orgId])).filter((w) => toBool(w.active) && (w.post_a_user_id === personId || w.post_b_user_id === personId));
      windowId = theirs.length === 1 ? theirs[0]!.id : null;
    }
    out.push(
      ...both(
        { sourceKey: `complaint-upheld:${c.id}`, ruleCode: 'complaint-upheld', times: 1, reason: `投诉 ${c.complaintNo}“${c.title}”经调查属实。`, caseId, caseNo: c.caseNo, occurredAt: c.handledAt ?? monthBounds(month, tz).from },
        windowId,
        personId,
      ),
    );
  }
  for (const orgId of orgIds) {
    const table = await attendanceOfMonth(db, orgId, month, now);
    if (!usesAttendance(table.people)) continue;
    for (const p of table.people) {
      for (const day of p.absentDates) {
        out.push({ sourceKey: `absence-half-day:${p.userId}:${day}`, ruleCode: 'absence-half-day', subjectKind: 'person', subjectId: p.userId, times: HALF_DAYS_PER_ABSENT_DAY, reason: `${day} 工作日既未签到也未请假（缺勤一天，计两个半天）。`, caseId: null, caseNo: null, occurredAt: `${day}T12:00:00.000Z` });
      }
    }
  }
  return out;
}

export interface RecomputeResult {
  added: number;
  withdrawn: number;
  restored: number;
  skippedClosed: number;
}

/**
 * Recomputes the automatic deductions of `month` for the given centers (all centers when null). A center whose month
 * is closed is skipped. Returns what changed.
 */
export async function recomputeMonth(ctx: AppContext, month: string, orgIds: readonly string[] | null, now: Date = ctx.clock()): Promise<RecomputeResult> {
  const { db } = ctx.database;
  const allOrgs = await listOrgs(db);
  const scope = orgIds ?? allOrgs.map((o) => o.id);
  const candidates = await candidatesOf(ctx, db, month, now, scope);
  const [rules, windows] = await Promise.all([repo.listRules(db), windowsByIds(db, candidates.filter((c) => c.subjectKind === 'window').map((c) => c.subjectId))]);
  const enabled = new Map(rules.filter((r) => toBool(r.enabled) && r.source === 'auto').map((r) => [r.code, r]));
  const personOrg = new Map<string, string | null>();
  for (const c of candidates) {
    if (c.subjectKind === 'person' && !personOrg.has(c.subjectId)) personOrg.set(c.subjectId, (await findUser(db, c.subjectId))?.org_id ?? null);
  }
  const orgOf = (c: Candidate) => (c.subjectKind === 'window' ? (windows.get(c.subjectId)?.org_id ?? null) : (personOrg.get(c.subjectId) ?? null));
  const inScope = new Set(scope);
  const at = now.toISOString();
  const result: RecomputeResult = { added: 0, withdrawn: 0, restored: 0, skippedClosed: 0 };

  return db.transaction().execute(async (trx) => {
    for (const orgId of scope) await repo.ensureMonth(trx, { id: randomUUID(), org_id: orgId, month, status: 'open', computed_at: null, closed_at: null, closed_by: null, created_at: at, updated_at: at, version: 1 });
    const months = new Map((await repo.monthsOf(trx, scope, month)).map((m) => [m.org_id, m]));
    const open = new Set([...months.values()].filter((m) => m.status === 'open').map((m) => m.org_id));
    result.skippedClosed = scope.length - open.size;
    const wanted = new Set<string>();
    for (const c of candidates) {
      const rule = enabled.get(c.ruleCode);
      const orgId = orgOf(c);
      if (!rule || !orgId || !inScope.has(orgId) || !open.has(orgId)) continue;
      wanted.add(`${c.sourceKey}|${c.subjectKind}`);
      const added = await repo.insertAutoItem(trx, {
        id: randomUUID(),
        org_id: orgId,
        month,
        subject_kind: c.subjectKind,
        subject_id: c.subjectId,
        rule_code: c.ruleCode,
        points: rule.points * c.times,
        reason: c.reason,
        case_id: c.caseId,
        case_no: c.caseNo,
        source_key: c.sourceKey,
        evidence_hash: null,
        evidence_name: null,
        origin: 'auto',
        status: 'active',
        occurred_at: c.occurredAt,
        idempotency_key: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      if (added) result.added++;
    }
    for (const item of await repo.autoItemsOfMonths(trx, [...open], month)) {
      const found = wanted.has(`${item.source_key}|${item.subject_kind}`);
      if (!found && item.status === 'active') {
        await repo.setItemStatus(trx, item.id, null, 'withdrawn', at);
        result.withdrawn++;
      } else if (found && item.status === 'withdrawn') {
        await repo.setItemStatus(trx, item.id, null, 'active', at);
        result.restored++;
      }
    }
    for (const orgId of open) {
      const m = months.get(orgId)!;
      await repo.touchMonth(trx, m.id, null, { computed_at: at, updated_at: at });
    }
    return result;
  });
}

/** The roles whose holders are scored as persons even without a deduction: the people at the windows. */
export const SCORED_ROLES: readonly Role[] = ['clerk', 'petition', 'agent'];
export const rolesOf = (json: string) => fromJson<Role[]>(json, []);
