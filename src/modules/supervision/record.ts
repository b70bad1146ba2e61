/**
 * Evaluating the supervision rules, never in a request (issue 9 §1): the event consumer evaluates every rule on
 * the cases whose events arrive, and the sweep job the rules the clock decides on the cases whose due date, hop
 * limit or answer deadline passed since its last run (found by indexes, not by scanning the cases). Each firing is
 * recorded as a violation, insert-or-ignore by its occurrence key, in the caller's one transaction.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import { evaluateCase, occurrenceKey, type ActiveRule, type Firing, type SupervisionEvent } from '../../domain/supervision/evaluate.js';
import { effectiveParams, isRuleCode, RULE_BY_CODE } from '../../domain/supervision/rules.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { centerTime } from '../cases/center.js';
import {
  casesDueBetween,
  casesWithHopsDueBetween,
  pausedCases,
  supervisedCases,
  unansweredObjections,
} from '../cases/supervision-facts.js';
import { eventsOfCases } from '../events/repo.js';
import type { CaseEventsTable } from '../../db/schema.js';
import { findOrg } from '../orgs/repo.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './repo.js';

/** The enabled rules with the parameters in force (their rows: rules are data). */
export async function activeRules(db: Db): Promise<ActiveRule[]> {
  const rows = await repo.listRuleRows(db);
  return rows
    .filter((r) => r.enabled === 1 && isRuleCode(r.code))
    .map((r) => ({ code: r.code as ActiveRule['code'], params: effectiveParams(RULE_BY_CODE.get(r.code)!, fromJson<unknown>(r.parameters, {})) }));
}

const toEvent = (e: CaseEventsTable): SupervisionEvent => ({
  id: e.id,
  seq: Number(e.seq),
  at: e.at,
  type: e.type,
  byUserId: e.by_user_id,
  orgId: e.org_id,
  data: fromJson<Record<string, unknown> | null>(e.data, null),
});

/**
 * Evaluates `rules` on the cases with these ids at `now` and records what fires. `withEvents`: the cases' events are
 * read and every rule runs (the consumer); without, only what the state, hops and clock decide (the sweep).
 */
export async function evaluateAndRecord(
  db: Db,
  caseIds: readonly string[],
  now: Date,
  rules: readonly ActiveRule[],
  options: { withEvents: boolean },
): Promise<{ evaluated: number; recorded: Firing[] }> {
  const ids = [...new Set(caseIds)];
  const applicable = options.withEvents ? rules : rules.filter((r) => RULE_BY_CODE.get(r.code)!.trigger !== 'event');
  if (ids.length === 0 || applicable.length === 0) return { evaluated: 0, recorded: [] };
  const cases = await supervisedCases(db, ids);
  const windows = await windowsByIds(db, cases.map((c) => c.windowId));
  const times = new Map<string, CenterTime>();
  const timeOf = async (orgId: string) => {
    let t = times.get(orgId);
    if (!t) {
      t = await centerTime(db, (await findOrg(db, orgId))!);
      times.set(orgId, t);
    }
    return t;
  };
  const firedAt = now.toISOString();
  const recorded: Firing[] = [];
  const histories = options.withEvents ? await eventsOfCases(db, cases.map((c) => c.id)) : new Map<string, CaseEventsTable[]>();
  for (const c of cases) {
    const events = (histories.get(c.id) ?? []).map(toEvent);
    const firings = evaluateCase(
      {
        snapshot: { ...c, windowPersonId: c.windowId ? (windows.get(c.windowId)?.post_a_user_id ?? null) : null },
        events,
        hops: c.hops,
        time: await timeOf(c.holderOrgId),
        now,
      },
      applicable,
    );
    recorded.push(...(await recordFirings(db, firings, firedAt)));
  }
  return { evaluated: cases.length, recorded };
}

const SWEEP = 'supervision-sweep';
/**
 * Due dates that passed up to this long before the last sweep are looked at again: a case written by a transaction
 * that committed just after the last sweep read is not missed. (A due date moved into the past by other means comes
 * with an event, which the consumer evaluates.)
 */
const OVERLAP_MS = 60 * 60_000;

/**
 * The sweep (the supervision-sweep job): the time-driven rules on open cases whose due date or hop limit passed since
 * the last run, every case paused in a special step, and the objections still unanswered after the shortest answer
 * limit; all in one transaction with the mark of how far it has looked. Idempotent: a second run at the same `now`
 * records nothing new.
 */
export async function sweepSupervision(ctx: AppContext, now: Date): Promise<{ evaluated: number; recorded: Firing[] }> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const rules = await activeRules(trx);
    const last = await repo.sweptTo(trx, SWEEP);
    const nowIso = now.toISOString();
    // a rule's grace time moves its firing past the due date: look back by the longest grace too
    const graceMs = Math.max(0, ...rules.map((r) => r.params.graceMinutes ?? 0)) * 60_000;
    const after = last === null ? '' : new Date(Math.min(Date.parse(last), now.getTime()) - OVERLAP_MS - graceMs).toISOString();
    const ids = new Set<string>();
    const enabled = (code: string) => rules.some((r) => r.code === code);
    if (enabled('promise-overrun') || enabled('immediate-same-day')) for (const id of await casesDueBetween(trx, after, nowIso)) ids.add(id);
    if (enabled('special-step-overrun')) for (const id of await pausedCases(trx)) ids.add(id);
    if (['hop-village-township', 'hop-township-county', 'hop-hand-back'].some(enabled)) {
      for (const id of await casesWithHopsDueBetween(trx, after, nowIso)) ids.add(id);
    }
    const objection = rules.find((r) => r.code === 'objection-unanswered');
    if (objection) {
      // working days are never fewer than calendar days: an objection younger than its limit in days cannot be late
      const tz = ctx.config.timeZone;
      const before = zonedInstant(addCalendarDays(localDate(now, tz), -(objection.params.answerDays ?? 3)), '23:59', tz).toISOString();
      for (const id of await unansweredObjections(trx, before)) ids.add(id);
    }
    const result = await evaluateAndRecord(trx, [...ids], now, rules, { withEvents: false });
    if (last === null || nowIso > last) await repo.setSweptTo(trx, SWEEP, nowIso);
    return result;
  });
}

/**
 * Each firing as a violation record, once: the insert ignores an occurrence already recorded (its key names the rule,
 * the case and the fact). Returns the firings recorded now. For the case rules here and for rules over other records
 * of a case (the 差评 work orders).
 */
export async function recordFirings(db: Db, firings: readonly Firing[], firedAt: string): Promise<Firing[]> {
  const recorded: Firing[] = [];
  for (const f of firings) {
    const inserted = await repo.insertViolation(db, {
      id: randomUUID(),
      occurrence_key: occurrenceKey(f),
      rule_code: f.ruleCode,
      case_id: f.caseId,
      case_no: f.caseNo,
      org_id: f.orgId,
      window_id: f.windowId,
      person_id: f.personId,
      severity: RULE_BY_CODE.get(f.ruleCode)!.severity,
      fired_at: firedAt,
      occurred_at: f.occurredAt,
      facts: toJson(f.facts),
      fact_lines: toJson(f.lines),
      facts_text: f.text,
      status: 'open',
      explanation: null,
      explained_by: null,
      explained_at: null,
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      version: 1,
      updated_at: firedAt,
    });
    if (inserted) recorded.push(f);
  }
  return recorded;
}
