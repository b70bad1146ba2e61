import { sql, type Insertable, type Updateable } from 'kysely';
import type { CaseEventsTable, CaseHopsTable, CasesTable, CaseStatesTable } from '../../db/schema.js';
import { likePattern } from '../../db/portable.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Db } from '../../server/context.js';

/** A case with its whole domain state (for the case page and for actions). */
export const findCase = (db: Db, id: string) =>
  db
    .selectFrom('cases')
    .innerJoin('case_states', 'case_states.case_id', 'cases.id')
    .selectAll('cases')
    .select('case_states.state')
    .where('cases.id', '=', id)
    .executeTakeFirst();
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export const findCaseByNo = (db: Db, caseNo: string) =>
  db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();

export async function insertCase(db: Db, row: Insertable<CasesTable>, state: CaseStatesTable): Promise<void> {
  await db.insertInto('cases').values(row).execute();
  await db.insertInto('case_states').values(state).execute();
}

/** Writes the projections under optimistic concurrency, then the state; false when someone changed it first. */
export async function updateCase(db: Db, id: string, expectedVersion: number, patch: Updateable<CasesTable>, state: string): Promise<boolean> {
  if (!(await updateVersioned(db, 'cases', id, expectedVersion, patch))) return false;
  await db.updateTable('case_states').set({ state }).where('case_id', '=', id).execute();
  return true;
}

/** The next number of the day at a center; the upsert makes two simultaneous intakes get different numbers. */
export async function nextSequence(db: Db, orgId: string, day: string): Promise<number> {
  const row = await db
    .insertInto('case_sequences')
    .values({ org_id: orgId, day, last_no: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doUpdateSet({ last_no: sql`case_sequences.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export async function appendEvent(db: Db, event: Omit<CaseEventsTable, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', event.case_id)
    .executeTakeFirst();
  await db.insertInto('case_events').values({ ...event, seq: Number(last?.seq ?? 0) + 1 }).execute();
}

export const listEvents = (db: Db, caseId: string) =>
  db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.by_user_id')
    .selectAll('case_events')
    .select('users.name as by_name')
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.seq')
    .execute();

export const findIdempotent = (db: Db, userId: string, key: string) =>
  db.selectFrom('idempotency_keys').select('case_id').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();

export const insertIdempotent = (db: Db, userId: string, key: string, caseId: string, at: string) =>
  db.insertInto('idempotency_keys').values({ user_id: userId, key, case_id: caseId, created_at: at }).execute();

/**
 * Work lists of one center (DOMAIN.md; "my work" and the director's view):
 * mine — open cases at the windows the person works now (their A posts, and B posts whose A is away);
 * first-responded — every case the person first received (首问负责: they follow it to the end, wherever it went);
 * held — open cases the center holds; incoming — forwarded or escalated to it, not yet received;
 * due-today — open cases it holds that are due by `dueBy`; extensions — extension requests to approve;
 * refusals — the refusal register (returned, or completed with a denial); refusals-to-review — those the
 * director has not reviewed yet; joint — open joint cases it leads (departments' opinions to collect);
 * sent-up — cases it received and sent up (forwarded or escalated), not yet back (in transit or held above); to-deliver — cases
 * completed (here or above) whose result it has still to hand over; to-forward — cases a village has received
 * complete and must send up (the weekly batch, or at once when urgent).
 */
export const WORK_LISTS = [
  'mine',
  'first-responded',
  'held',
  'incoming',
  'due-today',
  'extensions',
  'refusals',
  'refusals-to-review',
  'joint',
  'sent-up',
  'to-deliver',
  'to-forward',
] as const;
export type WorkList = (typeof WORK_LISTS)[number];

export interface CaseFilter {
  /** the actor's scope: their organisation and everything below it */
  orgIds: string[];
  view?: { name: WorkList; orgId: string; userId: string; dueBy?: string; windowIds?: string[] };
  status?: string;
  sixKind?: string;
  itemCode?: string;
  q?: string;
  from?: string;
  to?: string;
  open?: boolean;
}

const OPEN = ['submitted', 'awaiting_supplement', 'in_progress', 'paused'];

function filtered(db: Db, f: CaseFilter) {
  // A case is always held by its receiving center or one above it, so "received in my subtree" covers every case
  // my subtree holds or is about to receive: one indexed column instead of three ORed ones.
  let query = db.selectFrom('cases').where('receiving_org_id', 'in', f.orgIds);
  if (f.view) {
    const { name, orgId, userId, dueBy, windowIds } = f.view;
    if (name === 'first-responded') query = query.where('first_responder_id', '=', userId);
    if (name === 'mine') {
      query = query.where('holder_org_id', '=', orgId).where('status', 'in', OPEN).where('window_id', 'in', windowIds?.length ? windowIds : ['']);
    }
    if (name === 'incoming') query = query.where('transit_org_id', '=', orgId);
    if (name === 'held' || name === 'due-today' || name === 'extensions' || name === 'joint') {
      query = query.where('holder_org_id', '=', orgId).where('status', 'in', OPEN);
    }
    if (name === 'joint') query = query.where('kind', '=', 'joint');
    if (name === 'to-forward') {
      query = query.where('holder_org_id', '=', orgId).where('status', '=', 'submitted').where('transit_org_id', 'is', null);
    }
    if (name === 'to-deliver') query = query.where('holder_org_id', '=', orgId).where('status', '=', 'completed');
    if (name === 'sent-up') {
      query = query
        .where('receiving_org_id', '=', orgId)
        .where('status', 'in', OPEN)
        .where((eb) => eb.or([eb('holder_org_id', '!=', orgId), eb('transit_org_id', 'is not', null)]));
    }
    if (name === 'due-today') query = query.where('due_at', '<=', dueBy ?? '');
    if (name === 'extensions') query = query.where('extension_pending', '=', 1);
    if (name === 'refusals' || name === 'refusals-to-review') {
      query = query.where((eb) => eb.or([eb('status', '=', 'returned'), eb('outcome', '=', 'denied')]));
    }
    if (name === 'refusals-to-review') query = query.where('refusal_reviewed_at', 'is', null);
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.open) query = query.where('status', 'in', OPEN);
  if (f.sixKind) query = query.where('six_kind', '=', f.sixKind);
  if (f.itemCode) query = query.where('item_code', '=', f.itemCode);
  if (f.from) query = query.where('created_at', '>=', f.from);
  if (f.to) query = query.where('created_at', '<', f.to);
  if (f.q) {
    const pattern = likePattern(f.q.trim());
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('case_no')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('applicant_name')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('applicant_phone')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  return query;
}

export async function listCases(db: Db, f: CaseFilter, page: { offset: number; limit: number } | null) {
  // created_at alone: a second sort key makes SQLite sort every matching row instead of keeping the top N
  let query = filtered(db, f).selectAll().orderBy('created_at', 'desc');
  if (page) query = query.offset(page.offset).limit(page.limit);
  return query.execute();
}

export async function countCases(db: Db, f: CaseFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------- hops (rule 9)

/** The hop of this kind still under way for a case: not yet sent, or sent and not yet received. */
export const findOpenHop = (db: Db, caseId: string, kind: string) =>
  db
    .selectFrom('case_hops')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('received_at', 'is', null)
    .orderBy('ready_at', 'desc')
    .executeTakeFirst();

export const insertHop = (db: Db, row: Insertable<CaseHopsTable>) => db.insertInto('case_hops').values(row).execute();

export const updateHop = (db: Db, id: string, patch: Updateable<CaseHopsTable>) =>
  db.updateTable('case_hops').set(patch).where('id', '=', id).execute();

export const deleteUnsentHops = (db: Db, caseId: string) =>
  db.deleteFrom('case_hops').where('case_id', '=', caseId).where('sent_at', 'is', null).execute();
