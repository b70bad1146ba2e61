/**
 * What electronic supervision (src/modules/supervision) reads of cases, through this module's own queries (lint:
 * boundaries/own-tables): a case with its state, register columns and hops; the cases whose due date, hop limit or
 * objection deadline may have passed, found by indexes (cases_due_idx on status and due_at, case_hops_due_idx,
 * cases_refusal_open_idx); and the per-center counts of the supervision overview, from the stored lights.
 */
import { sql } from 'kysely';
import type { HopKind } from '../../domain/cases/hops.js';
import type { CaseState } from '../../domain/cases/model.js';
import type { HopFacts } from '../../domain/supervision/evaluate.js';
import type { Db } from '../../server/context.js';
import { stateOf } from './persist.js';
import { OPEN_STATUSES } from './repo.js';

export interface SupervisedCase {
  id: string;
  caseNo: string;
  receivingOrgId: string;
  holderOrgId: string;
  windowId: string | null;
  completedAt: string | null;
  state: CaseState;
  refusalReview: 'upheld' | 'questioned' | null;
  refusalReviewedAt: string | null;
  refusalAnsweredAt: string | null;
  hops: HopFacts[];
}

/** The cases with these ids (those that exist), with their state, register columns and every hop. */
export async function supervisedCases(db: Db, ids: readonly string[]): Promise<SupervisedCase[]> {
  if (ids.length === 0) return [];
  const out: SupervisedCase[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('cases')
      .innerJoin('case_states', 'case_states.case_id', 'cases.id')
      .select([
        'cases.id',
        'cases.case_no',
        'cases.receiving_org_id',
        'cases.holder_org_id',
        'cases.window_id',
        'cases.completed_at',
        'cases.refusal_review',
        'cases.refusal_reviewed_at',
        'cases.refusal_answered_at',
        'case_states.state',
      ])
      .where('cases.id', 'in', chunk)
      .execute();
    const hops = await db.selectFrom('case_hops').selectAll().where('case_id', 'in', chunk).orderBy('ready_at').execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        caseNo: r.case_no,
        receivingOrgId: r.receiving_org_id,
        holderOrgId: r.holder_org_id,
        windowId: r.window_id,
        completedAt: r.completed_at,
        state: stateOf(r),
        refusalReview: r.refusal_review,
        refusalReviewedAt: r.refusal_reviewed_at,
        refusalAnsweredAt: r.refusal_answered_at,
        hops: hops
          .filter((h) => h.case_id === r.id)
          .map((h) => ({
            id: h.id,
            kind: h.kind as HopKind,
            fromOrgId: h.from_org_id,
            toOrgId: h.to_org_id,
            urgent: h.urgent === 1,
            readyAt: h.ready_at,
            dueAt: h.due_at,
            sentAt: h.sent_at,
            sentBy: h.sent_by,
            receivedAt: h.received_at,
            receivedBy: h.received_by,
          })),
      });
    }
  }
  return out;
}

/** Open cases whose due date passed in (after, upTo]: by cases_due_idx (status, due_at). */
export async function casesDueBetween(db: Db, after: string, upTo: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('status', 'in', OPEN_STATUSES)
    .where('due_at', '>', after)
    .where('due_at', '<=', upTo)
    .execute();
  return rows.map((r) => r.id);
}

/** Cases paused in a special step now (status paused): few at any time, by cases_due_idx's leading column. */
export async function pausedCases(db: Db): Promise<string[]> {
  return (await db.selectFrom('cases').select('id').where('status', '=', 'paused').execute()).map((r) => r.id);
}

/** Cases with a hop not yet done whose limit passed in (after, upTo]: by case_hops_due_idx. */
export async function casesWithHopsDueBetween(db: Db, after: string, upTo: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_hops')
    .select('case_id')
    .distinct()
    .where('due_at', '>', after)
    .where('due_at', '<=', upTo)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'hand-back'), eb('received_at', 'is', null)]),
        eb.and([eb('kind', '!=', 'hand-back'), eb('sent_at', 'is', null)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.case_id);
}

/** Refusals the director questioned (有异议) before `reviewedBefore` that the window has not answered yet. */
export async function unansweredObjections(db: Db, reviewedBefore: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('refusal_review', '=', 'questioned')
    .where('refusal_answered_at', 'is', null)
    .where('refusal_reviewed_at', '<=', reviewedBefore)
    .execute();
  return rows.map((r) => r.id);
}

export interface CenterCaseCounts {
  lights: { green: number; yellow: number; red: number };
  overdue: number;
}

/**
 * Per receiving center: its open cases by stored light (the counts migration 0017 keeps) and those whose due date
 * has passed (not paused), as the ledger of that center counts them.
 */
export async function caseCountsByCenter(db: Db, orgIds: readonly string[], now: string): Promise<Map<string, CenterCaseCounts>> {
  const out = new Map<string, CenterCaseCounts>();
  if (orgIds.length === 0) return out;
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) {
      e = { lights: { green: 0, yellow: 0, red: 0 }, overdue: 0 };
      out.set(id, e);
    }
    return e;
  };
  const lights = await db
    .selectFrom(sql<{ receiving_org_id: string; status: string; light: string; n: number }>`case_counts`.as('c'))
    .select((eb) => ['c.receiving_org_id', 'c.light', eb.fn.sum<number | string>('c.n').as('n')] as const)
    .where('c.receiving_org_id', 'in', [...orgIds])
    .where('c.status', 'in', OPEN_STATUSES)
    .groupBy(['c.receiving_org_id', 'c.light'])
    .execute();
  for (const r of lights) {
    if (r.light === 'green' || r.light === 'yellow' || r.light === 'red') entry(r.receiving_org_id).lights[r.light] += Number(r.n);
  }
  const overdue = await db
    .selectFrom('cases')
    .select((eb) => ['receiving_org_id', eb.fn.countAll<number | string>().as('n')] as const)
    .where('status', 'in', OPEN_STATUSES)
    .where('due_at', '<', now)
    .where('paused_at', 'is', null)
    .where('receiving_org_id', 'in', [...orgIds])
    .groupBy('receiving_org_id')
    .execute();
  for (const r of overdue) entry(r.receiving_org_id).overdue = Number(r.n);
  return out;
}
