import { CompiledQuery, PostgresAdapter, sql, type Insertable, type Updateable } from 'kysely';
import type { CaseHopsTable, CasesTable, CaseStatesTable } from '../../db/schema.js';
import { ledgerSearch, type LedgerSearch } from '../../domain/cases/ledger-search.js';
import { likePattern } from '../../db/portable.js';
import { prepared } from '../../db/prepared.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Db } from '../../server/context.js';

/** A case with its whole domain state (for the case page and for actions); compiled once (src/db/prepared.ts). */
const caseById = prepared((db, id: string) =>
  db
    .selectFrom('cases')
    .innerJoin('case_states', 'case_states.case_id', 'cases.id')
    .selectAll('cases')
    .select('case_states.state')
    .where('cases.id', '=', id),
);
export const findCase = async (db: Db, id: string) => (await caseById(db, id))[0];
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** What an event consumer reads of a batch's cases (the evidence kept from their steps), by id; one read per batch. */
export async function casesByIds(db: Db, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<string, CaseOfEvidence>();
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'applicant_kind', 'applicant_name', 'applicant_id_number', 'channel', 'item_code', 'result_no'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
export type CaseOfEvidence = Pick<CasesTable, 'id' | 'applicant_kind' | 'applicant_name' | 'applicant_id_number' | 'channel' | 'item_code' | 'result_no'>;

/** What the public progress page shows of a case, and the phone it is checked against: nothing else is read. */
const progressByNo = prepared((db, caseNo: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'case_no', 'item_name', 'status', 'accepted_at', 'due_at', 'due_provisional', 'applicant_phone'])
    .where('case_no', '=', caseNo),
);
export const findProgress = async (db: Db, caseNo: string) => (await progressByNo(db, caseNo))[0];

/**
 * The insert of a case row, compiled once per set of columns (src/db/prepared.ts): building a 35-column insert was
 * a large part of an intake's CPU. A step writes a few columns only sometimes (completed_at …), hence the sets.
 */
const caseInserts = new Map<string, (db: Db, ...values: unknown[]) => Promise<CasesTable[]>>();
/** The insert's own name for the case it wrote (PostgreSQL; not a table, so not in eslint's TABLE_OWNERS). */
const WRITTEN = 'written';
function caseInsert(columns: readonly string[], postgres: boolean) {
  const key = `${postgres ? 'pg' : 'sqlite'}:${columns.join(',')}`;
  let insert = caseInserts.get(key);
  if (!insert) {
    const caseValues = (values: unknown[]) => Object.fromEntries(columns.map((c, i) => [c, values[i]])) as unknown as Insertable<CasesTable>;
    // PostgreSQL: the state in the same statement (a second data-modifying part; its reference to the case is
    // checked at the statement's end), one round trip fewer while the day's number is locked (nextSequence)
    insert = postgres
      ? prepared((db, ...values: unknown[]) =>
          db
            .with('written', (w) => w.insertInto('cases').values(caseValues(values)).returningAll())
            .with('state', (w) => w.insertInto('case_states').values({ case_id: values[columns.length] as string, state: values[columns.length + 1] as string }))
            .selectFrom(WRITTEN)
            .selectAll(),
        )
      : prepared((db, ...values: unknown[]) => db.insertInto('cases').values(caseValues(values)).returningAll());
    caseInserts.set(key, insert);
  }
  return insert;
}

const stateInsert = prepared((db, caseId: string, state: string) => db.insertInto('case_states').values({ case_id: caseId, state }));

/** Writes a new case and its state; returns the row as stored, so the intake answers without reading it back. */
export async function insertCase(db: Db, row: Insertable<CasesTable>, state: CaseStatesTable): Promise<CaseRow> {
  // an undefined value is no column at all (as Kysely's own insert would have it)
  const columns = Object.keys(row).filter((c) => row[c as keyof typeof row] !== undefined).sort();
  const values = columns.map((c) => row[c as keyof typeof row]);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const [stored] = await caseInsert(columns, true)(db, ...values, state.case_id, state.state);
    return { ...stored!, state: state.state };
  }
  const [stored] = await caseInsert(columns, false)(db, ...values);
  await stateInsert(db, state.case_id, state.state);
  return { ...stored!, state: state.state };
}

/** Writes the projections under optimistic concurrency, then the state; false when someone changed it first. */
export async function updateCase(db: Db, id: string, expectedVersion: number, patch: Updateable<CasesTable>, state: string): Promise<boolean> {
  if (!(await updateVersioned(db, 'cases', id, expectedVersion, patch))) return false;
  await db.updateTable('case_states').set({ state }).where('case_id', '=', id).execute();
  return true;
}

/** The next number of the day at a center; the upsert makes two simultaneous intakes get different numbers. */
const sequenceUpsert = prepared((db, orgId: string, day: string) =>
  db
    .insertInto('case_sequences')
    .values({ org_id: orgId, day, last_no: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doUpdateSet({ last_no: sql`case_sequences.last_no + 1` }))
    .returning('last_no'),
);
export async function nextSequence(db: Db, orgId: string, day: string): Promise<number> {
  const [row] = await sequenceUpsert(db, orgId, day);
  return Number(row!.last_no);
}

const idempotentByKey = prepared((db, userId: string, key: string) =>
  db.selectFrom('idempotency_keys').select(['case_id', 'fingerprint']).where('user_id', '=', userId).where('key', '=', key),
);
/** The case a key of this person made or acted on, with the fingerprint of that request (none on keys stored before 0045). */
export const findIdempotent = async (db: Db, userId: string, key: string) => (await idempotentByKey(db, userId, key))[0];

const idempotentInsert = prepared((db, userId: string, key: string, caseId: string, fingerprint: string, at: string) =>
  db.insertInto('idempotency_keys').values({ user_id: userId, key, case_id: caseId, fingerprint, created_at: at }),
);
export const insertIdempotent = async (db: Db, userId: string, key: string, caseId: string, fingerprint: string, at: string) => {
  await idempotentInsert(db, userId, key, caseId, fingerprint, at);
};


/** Today's start and end, as instants: what falls due today. */
export interface DueToday {
  from: string;
  to: string;
}
/**
 * Work lists of one center (DOMAIN.md; "my work" and the director's view):
 * mine — open cases at the windows the person works now (their A posts, and B posts whose A is away);
 * first-responded — every case the person first received (首问负责: they follow it to the end, wherever it went);
 * held — open cases the center holds; incoming — forwarded or escalated to it, not yet received;
 * due-today — open cases it holds that fall due today (`dueToday`, late ones are not among them); extensions — extension requests to approve;
 * refusals — the refusal register (returned, or completed with a denial); refusals-to-review — those the
 * director has not reviewed yet; joint — open joint cases it leads (departments' opinions to collect);
 * sent-up — cases it received and sent up (forwarded or escalated), not yet back (in transit or held above); to-deliver — cases
 * completed (here or above) whose result it has still to hand over; to-forward — cases a village has received
 * complete and must send up (the weekly batch, or at once when urgent);
 * objections — refusals the director questioned (有异议) that the window has not answered yet (for window staff:
 * those of the windows they work); covering — open cases at windows where the person is the B post and A is away
 * (AB岗: what B does for A); deadline-changed — open cases it holds whose due date moved when a year's official
 * arrangement was imported (rule 3: 期限已调整).
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
  'objections',
  'covering',
  'deadline-changed',
] as const;
export type WorkList = (typeof WORK_LISTS)[number];

export interface CaseFilter {
  /** the actor's scope: their organisation and everything below it */
  orgIds: string[];
  view?: { name: WorkList; orgId: string; userId: string; dueToday?: DueToday; windowIds?: string[] };
  status?: string;
  sixKind?: string;
  /** the stored light (rule 12); only open cases have one */
  light?: 'green' | 'yellow' | 'red';
  itemCode?: string;
  /** 收件渠道: window, agent (代办), online, kiosk */
  channel?: string;
  q?: string;
  /**
   * The viewer's organisation when they see personal data in full in the cases it received, holds or is about to
   * receive (they handle cases): only there may q match part of a phone or ID number. Null: whole values only.
   */
  fullDataOrgId?: string | null;
  /**
   * The cases the search indexes found for q (searchCandidates): every case q matches is among them, so the
   * ledger reads these by id instead of the whole scope. q's own condition still decides which of them match.
   */
  searchIds?: string[];
  /**
   * A short search's piece (shortTerm): the ledger reads the cases case_terms lists under it, newest first, instead
   * of the whole scope. They are exactly q's matches: q's own condition is not applied again.
   */
  searchTerm?: string;
  from?: string;
  to?: string;
  open?: boolean;
  /** the window a case is at (the dashboards' drill-down: center → window → cases) */
  windowId?: string;
  /** open cases falling due within these instants (today's start and end) */
  dueToday?: DueToday;
  /** 超期 within a period (lateWithin) */
  lateWithin?: { from: string; to: string; end: string };
  /** completed by the due instant (or without one) */
  onTime?: boolean;
  /** open cases due before this instant (now): late */
  overdueAt?: string;
  /** completed within [completedFrom, completedTo) */
  completedFrom?: string;
  completedTo?: string;
}

const OPEN = ['submitted', 'awaiting_supplement', 'in_progress', 'paused'];
export const OPEN_STATUSES: readonly string[] = OPEN;

/**
 * 超期 within a period [from, to) whose end so far is `end` (now, for a period not over yet): completed in it after
 * its due instant, or past its due instant by `end` and not completed by `to`. The supervision and monthly reports
 * count it and the ledger lists it (overdueFrom, overdueTo), so a report's figure opens a ledger of the same total.
 */
export const lateWithin = ({ from, to, end }: { from: string; to: string; end: string }) =>
  sql<boolean>`((completed_at >= ${from} and completed_at < ${to} and completed_at > due_at)
    or (due_at < ${end} and created_at < ${to} and ((completed_at is null and status in (${sql.join(OPEN)})) or completed_at >= ${to})))`;

/** Cases whose deadlines an imported year may change: open ones with a due date, and any still marked 暂定. */
export const casesWithDeadlines = (db: Db) =>
  db
    .selectFrom('cases')
    .innerJoin('case_states', 'case_states.case_id', 'cases.id')
    .selectAll('cases')
    .select('case_states.state')
    .where((eb) => eb.or([eb.and([eb('status', 'in', OPEN), eb('due_at', 'is not', null)]), eb('due_provisional', '=', 1)]))
    .orderBy('cases.created_at')
    .execute();

/** case_terms (migration 0017): a short search's pieces, each with its case's receiving center and created_at. */
const caseTerms = sql<{ term: string; term_org: string; term_at: string; case_id: string }>`case_terms`;

/**
 * The piece case_terms is read by for a search of 1 or 2 characters, or null when it cannot serve it: q itself when
 * one of its characters is beyond ASCII (the table holds only such pieces) and none has a case (LIKE on SQLite
 * ignores ASCII case; a character without one matches only itself). The cases listed under it are then exactly
 * those whose case number or name contains q; the phone and ID number, ASCII only, cannot.
 */
export function shortTerm(search: LedgerSearch): string | null {
  const chars = [...search.text];
  if (search.byTrigrams || chars.length === 0 || chars.length > 2) return null;
  if (!chars.some((c) => c.codePointAt(0)! > 127)) return null;
  return search.text.toLowerCase() === search.text && search.text.toUpperCase() === search.text ? search.text : null;
}

/** Whether a filter sets nothing but these (a field added to CaseFilter later is not among them). */
const only = (f: CaseFilter, keys: readonly (keyof CaseFilter)[]) =>
  Object.entries(f).every(([key, value]) => value === undefined || value === null || (keys as readonly string[]).includes(key));

/** Whether a filter is the scope and a short term alone: its matches are then the term's rows in case_terms. */
const termOnly = (f: CaseFilter) => f.searchTerm !== undefined && only(f, ['orgIds', 'q', 'fullDataOrgId', 'searchIds', 'searchTerm']);

function filtered(db: Db, f: CaseFilter) {
  // A case is always held by its receiving center or one above it, so "received in my subtree" covers every case
  // my subtree holds or is about to receive: one indexed column instead of three ORed ones.
  // With a search's candidates known (searchIds, at most SEARCH_IDS_LIMIT), those are read by id: SQLite would
  // otherwise walk the scope's index and test every case against the list (16 ms to count a name a thousand cases
  // share). Its `+column` keeps the scope a plain condition; PostgreSQL plans this well by itself.
  const sqliteById = f.searchIds !== undefined && !(db.getExecutor().adapter instanceof PostgresAdapter);
  let query = sqliteById
    ? db.selectFrom('cases').where(sql<string>`+${sql.ref('receiving_org_id')}`, 'in', f.orgIds)
    : db.selectFrom('cases').where('receiving_org_id', 'in', f.orgIds);
  if (f.searchTerm) {
    // the term's pieces drive the read: one index range per center, newest first (their columns are named apart
    // from cases' own, which the conditions below name unqualified)
    query = query
      .innerJoin(caseTerms.as('t'), (join) => join.onRef('t.case_id', '=', 'cases.id'))
      .where('t.term', '=', f.searchTerm)
      .where('t.term_org', 'in', f.orgIds) as unknown as typeof query;
  }
  if (f.view) {
    const { name, orgId, userId, dueToday, windowIds } = f.view;
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
    if (name === 'due-today') query = query.where('due_at', '>=', dueToday?.from ?? '').where('due_at', '<=', dueToday?.to ?? '');
    if (name === 'extensions') query = query.where('extension_pending', '=', 1);
    if (name === 'refusals' || name === 'refusals-to-review') {
      query = query.where((eb) => eb.or([eb('status', '=', 'returned'), eb('outcome', '=', 'denied')]));
    }
    if (name === 'refusals-to-review') query = query.where('refusal_reviewed_at', 'is', null);
    if (name === 'objections') {
      query = query.where('receiving_org_id', '=', orgId).where('refusal_review', '=', 'questioned').where('refusal_answered_at', 'is', null);
      if (windowIds) {
        query = query.where((eb) => eb.or([eb('window_id', 'in', windowIds.length ? windowIds : ['']), eb('first_responder_id', '=', userId)]));
      }
    }
    if (name === 'deadline-changed') {
      query = query.where('holder_org_id', '=', orgId).where('status', 'in', OPEN).where('due_recomputed_at', 'is not', null);
    }
    if (name === 'covering') {
      query = query.where('holder_org_id', '=', orgId).where('status', 'in', OPEN).where('window_id', 'in', windowIds?.length ? windowIds : ['']);
    }
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.open) query = query.where('status', 'in', OPEN);
  if (f.sixKind) query = query.where('six_kind', '=', f.sixKind);
  if (f.light) query = query.where('light', '=', f.light);
  if (f.itemCode) query = query.where('item_code', '=', f.itemCode);
  if (f.channel) query = query.where('channel', '=', f.channel);
  if (f.from) query = query.where('created_at', '>=', f.from);
  if (f.to) query = query.where('created_at', '<', f.to);
  if (f.windowId) query = query.where('window_id', '=', f.windowId);
  if (f.dueToday) query = query.where('status', 'in', OPEN).where('due_at', '>=', f.dueToday.from).where('due_at', '<=', f.dueToday.to);
  if (f.overdueAt) query = query.where('status', 'in', OPEN).where('due_at', '<', f.overdueAt);
  if (f.lateWithin) query = query.where(lateWithin(f.lateWithin));
  if (f.onTime) query = query.where((eb) => eb.or([eb('due_at', 'is', null), eb('completed_at', '<=', eb.ref('due_at'))]));
  if (f.completedFrom) query = query.where('completed_at', '>=', f.completedFrom);
  if (f.completedTo) query = query.where('completed_at', '<', f.completedTo);
  // A short term's cases in case_terms are exactly those q matches (see shortTerm): its condition would only make
  // the planners think them rare (PostgreSQL then read them with parallel workers, 15 ms to start).
  if (f.q && !f.searchTerm) {
    // A masked field (phone, ID number) matches only its whole value, except in cases whose personal data this
    // viewer sees in full anyway (their center received, holds or is about to receive it, and they handle cases).
    const search = ledgerSearch(f.q);
    const pattern = likePattern(search.text);
    const ownCase = f.fullDataOrgId;
    if (f.searchIds) query = query.where('id', 'in', f.searchIds.length > 0 ? f.searchIds : ['']);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('case_no')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('applicant_name')} like ${pattern} escape '\\'`,
        ...(search.phone ? [eb('applicant_phone', '=', search.phone)] : []),
        ...(search.idNumber ? [eb('applicant_id_number', '=', search.idNumber)] : []),
        ...(ownCase
          ? [
              eb.and([
                eb.or([eb('receiving_org_id', '=', ownCase), eb('holder_org_id', '=', ownCase), eb('transit_org_id', '=', ownCase)]),
                eb.or([
                  sql<boolean>`${eb.ref('applicant_phone')} like ${pattern} escape '\\'`,
                  sql<boolean>`${eb.ref('applicant_id_number')} like ${likePattern(search.idText)} escape '\\'`,
                ]),
              ]),
            ]
          : []),
      ]),
    );
  }
  return query;
}

/** A search whose indexes find more cases than this is a common term: the ledger is read newest first instead. */
export const SEARCH_IDS_LIMIT = 2000;

/**
 * What the trigram indexes are asked for: the text, or of a run of digits (a phone, most of an ID number) only its
 * last 6 digits. Every value containing the run contains them, so no match is lost; and heads are what numbers
 * share (139…, 4108…: trigrams found in most rows, whose whole lists a lookup reads: 4 ms a phone search at 200 000
 * cases on SQLite, 17 ms on PostgreSQL), tails what tells them apart (0.5 ms). Six, not fewer: a phone's last six
 * digits seldom appear in another case (but a date in case numbers may: then the term counts as common).
 */
const lookedUp = (text: string) => (/^\d{7,}$/.test(text) ? text.slice(-6) : text);

/**
 * The cases a ledger search may match, found through the indexes of migration 0016, or null when they cannot tell
 * (a text under 3 characters) or find more than SEARCH_IDS_LIMIT (a common term, whose matches reading the ledger
 * newest first meets soon enough). A superset of the matches (the trigram indexes ignore case, numbers are looked
 * up by their tails, and parts of phones and ID numbers — `partOfMasked` — in every case): filtered() still applies
 * q's own condition to these, which decides, and keeps parts of masked fields to the viewer's own cases.
 */
export async function searchCandidates(db: Db, search: LedgerSearch, partOfMasked: boolean): Promise<string[] | null> {
  if (!search.byTrigrams) return null;
  const [text, idText] = [lookedUp(search.text), lookedUp(search.idText)];
  const upTo = SEARCH_IDS_LIMIT + 1;
  let ids: string[];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // one bitmap scan per pg_trgm index (and B-tree for whole values), ORed
    const like = (column: 'case_no' | 'applicant_name' | 'applicant_phone' | 'applicant_id_number', part: string) =>
      sql<boolean>`${sql.ref(column)} like ${likePattern(part)} escape '\\'`;
    const rows = await db
      .selectFrom('cases')
      .select('id')
      .where((eb) =>
        eb.or([
          like('case_no', text),
          like('applicant_name', text),
          ...(partOfMasked ? [like('applicant_phone', text), like('applicant_id_number', idText)] : []),
          ...(search.phone ? [eb('applicant_phone', '=', search.phone)] : []),
          ...(search.idNumber ? [eb('applicant_id_number', '=', search.idNumber)] : []),
        ]),
      )
      .limit(upTo)
      .execute();
    ids = rows.map((r) => r.id);
  } else {
    // FTS5 phrases (quotes doubled) in the named columns: a trigram phrase matches every value containing it; one
    // phrase over all four columns where the ID number's text is the same (digits), as each phrase reads its lists
    const phrase = (part: string) => `"${part.replaceAll('"', '""')}"`;
    const match = !partOfMasked
      ? `{case_no applicant_name} : ${phrase(text)}`
      : idText === text
        ? `{case_no applicant_name applicant_phone applicant_id_number} : ${phrase(text)}`
        : `{case_no applicant_name applicant_phone} : ${phrase(text)} OR applicant_id_number : ${phrase(idText)}`;
    const parts = [
      sql`select case_id as id from case_search where case_search match ${match}`,
      ...(search.phone ? [sql`select id from cases where applicant_phone = ${search.phone}`] : []),
      ...(search.idNumber ? [sql`select id from cases where applicant_id_number = ${search.idNumber}`] : []),
    ];
    ids = (await sql<{ id: string }>`${sql.join(parts, sql` union `)} limit ${upTo}`.execute(db)).rows.map((r) => r.id);
  }
  return ids.length > SEARCH_IDS_LIMIT ? null : ids;
}

/** The filtered cases newest first: by the short term's pieces when there is one. */
function armOf(db: Db, f: CaseFilter) {
  return f.searchTerm
    ? filtered(db, f).selectAll('cases').orderBy(sql.ref('t.term_at'), 'desc')
    : filtered(db, f).selectAll().orderBy('created_at', 'desc');
}

/** Up to this many centers in scope, a ledger page is read center by center (see listCases). */
const ARMS_UP_TO = 24;

/**
 * SQL of the ledger's most frequent reads, written out here instead of built by Kysely on every request: the ledger
 * as it opens (by status), by light, the light counts, and a search of 1 or 2 characters. Building and compiling
 * the per-center union of a page was a third of such a request's CPU at a million cases (issue 8 §5), though only
 * the values change. `arg` adds a parameter and gives its placeholder; no value is ever part of the text.
 */
function handWritten(db: Db) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const values: unknown[] = [];
  const arg = (value: unknown) => {
    values.push(value);
    return pg ? `$${values.length}` : '?';
  };
  const list = (items: readonly unknown[]) => items.map(arg).join(', ');
  const run = async <R>(text: string) => (await db.executeQuery<R>(CompiledQuery.raw(text, values))).rows;
  return { pg, arg, list, run };
}

/** A filter of scope, status and light only: what case_counts is kept by, and the ledger's commonest pages. */
const plainOnly = (f: CaseFilter) => only(f, ['orgIds', 'status', 'open', 'light']);

/**
 * One ledger page of a plain filter or a short term alone, read center by center (see listCases), or null for any
 * other filter. PostgreSQL reads the centers as an array through one lateral subquery: the same SQL for any number
 * of centers, planned in a fraction of the time of a union of one arm per center (1 ms of the database's CPU for
 * five centers). SQLite (no lateral join) gets the union, the same SQL Kysely built before.
 */
async function handWrittenPage(db: Db, f: CaseFilter, page: { offset: number; limit: number }, counted?: { searchUpTo: number }): Promise<(CasesTable & { ledger_total?: number | string | null })[] | null> {
  const term = f.searchTerm !== undefined && termOnly(f);
  if (!term && !plainOnly(f)) return null;
  if (f.searchIds !== undefined || f.orgIds.length === 0 || f.orgIds.length > ARMS_UP_TO) return null;
  const { pg, arg, run } = handWritten(db);
  // one center's newest offset+limit matching cases; `org()` gives a placeholder of its id (`?` once per use)
  const arm = (org: () => string) => {
    if (term) {
      return `select "cases".* from "cases" inner join case_terms as "t" on "t"."case_id" = "cases"."id"
        where "cases"."receiving_org_id" = ${org()} and "t"."term" = ${arg(f.searchTerm)} and "t"."term_org" = ${org()}
        order by "t"."term_at" desc limit ${arg(page.offset + page.limit)}`;
    }
    const conditions = [
      `"receiving_org_id" = ${org()}`,
      ...(f.status ? [`"status" = ${arg(f.status)}`] : []),
      ...(f.open ? [`"status" in (${OPEN.map(arg).join(', ')})`] : []),
      ...(f.light ? [`"light" = ${arg(f.light)}`] : []),
    ];
    return `select * from "cases" where ${conditions.join(' and ')} order by "created_at" desc limit ${arg(page.offset + page.limit)}`;
  };
  if (pg) {
    const centers = arg(f.orgIds);
    // what the pager shows, in the same statement (one round trip less: each is a tenth of the request's CPU):
    // the maintained counts of a plain filter, or a short term's pieces up to the search's cap
    const total = !counted
      ? ''
      : term
        ? `, (select count(*) from (select "case_id" from case_terms where "term" = ${arg(f.searchTerm)} and "term_org" = any(${centers}::text[]) limit ${arg(counted.searchUpTo)}) as "m") as "ledger_total"`
        : `, (select sum("n") from case_counts where "receiving_org_id" = any(${centers}::text[])${f.status ? ` and "status" = ${arg(f.status)}` : ''}${
            f.open ? ` and "status" in (${OPEN.map(arg).join(', ')})` : ''
          }${f.light ? ` and "light" = ${arg(f.light)}` : ''}) as "ledger_total"`;
    return run(`select "c".*${total} from unnest(${centers}::text[]) as "o"("id") cross join lateral (${arm(() => '"o"."id"')}) as "c"
      order by "c"."created_at" desc limit ${arg(page.limit)} offset ${arg(page.offset)}`);
  }
  const arms = f.orgIds.map((orgId) => `select * from (${arm(() => arg(orgId))}) as "arm"`);
  return run<CasesTable>(`select * from (${arms.join(' union all ')}) as "merged" order by "created_at" desc limit ${arg(page.limit)} offset ${arg(page.offset)}`);
}

/**
 * A ledger page and, on PostgreSQL for a plain filter or a short term alone, what countCases would say of the same
 * filter (a short term's matches up to `searchUpTo`), read by the same statement; total null: count it apart (so
 * on SQLite, and for an empty page past the first, as no row carries it).
 */
export async function listCasesCounted(
  db: Db,
  f: CaseFilter,
  page: { offset: number; limit: number },
  searchUpTo: number,
): Promise<{ rows: CasesTable[]; total: number | null }> {
  const written = await handWrittenPage(db, f, page, { searchUpTo });
  if (!written) return { rows: await listCases(db, f, page), total: null };
  // an empty first page: nothing matches (the page reads every center in scope)
  if (written.length === 0) return { rows: written, total: page.offset === 0 ? 0 : null };
  // (the extra column stays on the rows: presenters pick the columns they show)
  const total = written[0]!.ledger_total;
  return { rows: written, total: total === undefined || total === null ? null : Number(total) };
}

export async function listCases(db: Db, f: CaseFilter, page: { offset: number; limit: number } | null) {
  const written = page ? await handWrittenPage(db, f, page) : null;
  if (written) return written;
  // A search the indexes narrowed to a few candidates reads just those (by id) and sorts them: center by center, a
  // center none of them is in would be read whole looking for them (91 ms a search for a name shared by a
  // thousand cases of one township, on SQLite)
  if (page && f.orgIds.length > 1 && f.orgIds.length <= ARMS_UP_TO && !f.searchIds) {
    // An index on (receiving center, …, created_at) gives each center's cases newest first, but not those of
    // several centers at once: `receiving_org_id in (…)` made both databases read and sort every matching case
    // (5 000 rows for one township at 100 000 cases). Each center's newest offset+limit cases, merged, are the
    // same page; a search for a common name stops after a few rows per center instead of reading them all.
    const n = page.offset + page.limit;
    const arms = f.orgIds.map((orgId) =>
      db.selectFrom(armOf(db, { ...f, orgIds: [orgId] }).limit(n).as('arm')).selectAll(),
    );
    const union = arms.slice(1).reduce((all, arm) => all.unionAll(arm), arms[0]!);
    return db.selectFrom(union.as('merged')).selectAll().orderBy('created_at', 'desc').offset(page.offset).limit(page.limit).execute();
  }
  if (f.searchTerm) {
    let query = armOf(db, f);
    if (page) query = query.offset(page.offset).limit(page.limit);
    return query.execute();
  }
  if (f.q && page) {
    // A search the indexes could not narrow (searchIds) reads every case in scope and sorts its matches: sorting
    // only ids and dates and then reading the page's rows is about a third cheaper than sorting whole rows.
    const ids = filtered(db, f).select('id').orderBy('created_at', 'desc').offset(page.offset).limit(page.limit);
    return db.selectFrom('cases').selectAll().where('id', 'in', ids).orderBy('created_at', 'desc').execute();
  }
  // created_at alone: a second sort key makes SQLite sort every matching row instead of keeping the top N
  let query = filtered(db, f).selectAll().orderBy('created_at', 'desc');
  if (page) query = query.offset(page.offset).limit(page.limit);
  return query.execute();
}

/**
 * The maintained counts (migration 0017) of a filter that is only scope, status and light, or null for any other
 * filter: those are what the counts are kept by. An empty list where the scope has no case yet.
 */
async function maintainedCounts(db: Db, f: CaseFilter): Promise<{ light: string; n: number }[] | null> {
  if (!plainOnly(f) || f.orgIds.length === 0) return null;
  // written out (handWritten): the light counts and every ledger page without a search read these
  const { pg, arg, list, run } = handWritten(db);
  const conditions = [
    pg ? `"receiving_org_id" = any(${arg(f.orgIds)}::text[])` : `"receiving_org_id" in (${list(f.orgIds)})`,
    ...(f.status ? [`"status" = ${arg(f.status)}`] : []),
    ...(f.open ? [`"status" in (${list(OPEN)})`] : []),
    ...(f.light ? [`"light" = ${arg(f.light)}`] : []),
  ];
  const rows = await run<{ light: string; n: number | string }>(`select "light", sum("n") as "n" from case_counts where ${conditions.join(' and ')} group by "light"`);
  return rows.map((r) => ({ light: r.light, n: Number(r.n) }));
}

/** How many cases match; with `upTo`, counting stops there (the rest of the scope is not read). */
export async function countCases(db: Db, f: CaseFilter, upTo?: number): Promise<number> {
  const maintained = upTo === undefined ? await maintainedCounts(db, f) : null;
  if (maintained) return maintained.reduce((sum, r) => sum + r.n, 0);
  if (upTo !== undefined && termOnly(f) && f.orgIds.length > 0) {
    // an index range of case_terms, no case read (written out: handWritten)
    const { pg, arg, list, run } = handWritten(db);
    // placeholders in the order of the text (SQLite's `?` are positional)
    const term = arg(f.searchTerm);
    const centers = pg ? `= any(${arg(f.orgIds)}::text[])` : `in (${list(f.orgIds)})`;
    const [row] = await run<{ n: number | string }>(
      `select count(*) as "n" from (select "case_id" from case_terms where "term" = ${term} and "term_org" ${centers} limit ${arg(upTo)}) as "matches"`,
    );
    return Number(row?.n ?? 0);
  }
  if (upTo !== undefined) {
    // Counted the way a page is read (listCases): each center's matches newest first, stopping at upTo. A name just
    // registered two thousand times sits at the top of its center's cases; read in index order, they were looked
    // for through the whole scope (40 ms a count at 100 000 cases on SQLite, issue 8).
    const byCenter = f.searchIds === undefined && f.orgIds.length > 0 && f.orgIds.length <= ARMS_UP_TO;
    const matches = byCenter
      ? f.orgIds
          .map((orgId) => db.selectFrom(armOf(db, { ...f, orgIds: [orgId] }).limit(upTo).as('arm')).select('arm.id'))
          .reduce((all, arm) => all.unionAll(arm))
          .limit(upTo)
          .as('matches')
      : filtered(db, f).select('cases.id').limit(upTo).as('matches');
    const row = await db
      .selectFrom(matches)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  const row = await filtered(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many of the filtered cases show each light: one grouped count on the stored light. */
export async function countLights(db: Db, f: CaseFilter): Promise<Record<'green' | 'yellow' | 'red', number>> {
  const counts = { green: 0, yellow: 0, red: 0 };
  const maintained = await maintainedCounts(db, { ...f, light: undefined });
  if (maintained) {
    for (const r of maintained) if (r.light === 'green' || r.light === 'yellow' || r.light === 'red') counts[r.light] = r.n;
    return counts;
  }
  const rows = await filtered(db, { ...f, light: undefined })
    .where('light', 'is not', null)
    .select((eb) => ['light', eb.fn.countAll().as('n')] as const)
    .groupBy('light')
    .execute();
  for (const r of rows) if (r.light) counts[r.light] = Number(r.n);
  return counts;
}

/** Cases whose stored light is due to change (the sweep), after `afterId`, in id order so a sweep ends. */
export const casesWithLightDue = (db: Db, now: string, afterId: string, limit: number) =>
  db
    .selectFrom('cases')
    .innerJoin('case_states', 'case_states.case_id', 'cases.id')
    .select(['cases.id', 'cases.version', 'cases.holder_org_id', 'cases.light', 'case_states.state'])
    .where('cases.light_changes_at', '<=', now)
    .where('cases.id', '>', afterId)
    .orderBy('cases.id')
    .limit(limit)
    .execute();

/**
 * Sets the stored light without a new version: the light is a reading of the clock, not a change anyone made,
 * and must not turn a clerk's open page stale. Only if the case is still at the version the light was read at.
 */
export async function setLight(db: Db, id: string, version: number, light: CasesTable['light'], changesAt: string | null): Promise<boolean> {
  const res = await db.updateTable('cases').set({ light, light_changes_at: changesAt }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------------------------------------- hops (rule 9)

/** The hops still under way for a case (not yet sent, or sent and not yet received), newest first. */
export const unreceivedHops = (db: Db, caseId: string) =>
  db.selectFrom('case_hops').selectAll().where('case_id', '=', caseId).where('received_at', 'is', null).orderBy('ready_at', 'desc').execute();

export const insertHop = (db: Db, row: Insertable<CaseHopsTable>) => db.insertInto('case_hops').values(row).execute();

export const updateHop = (db: Db, id: string, patch: Updateable<CaseHopsTable>) =>
  db.updateTable('case_hops').set(patch).where('id', '=', id).execute();

export const deleteUnsentHops = (db: Db, caseId: string) =>
  db.deleteFrom('case_hops').where('case_id', '=', caseId).where('sent_at', 'is', null).execute();

/**
 * Hops not yet done (forwarding not sent, a hand-back not yet with the villager): the ones whose limits an imported
 * year may move (rule 3), each with its case and the center it starts from. Done hops keep the limit they were
 * judged by.
 */
export const openHops = (db: Db) =>
  db
    .selectFrom('case_hops')
    .select(['id', 'case_id', 'from_org_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'hand-back'), eb('received_at', 'is', null)]),
        eb.and([eb('kind', '!=', 'hand-back'), eb('sent_at', 'is', null)]),
      ]),
    )
    .orderBy('ready_at')
    .execute();


/** The case numbers of these cases, by id: for other modules' lists (an online application's case). */
export async function caseNumbersByIds(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'case_no']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.case_no]));
}

/**
 * The cases of one applicant for 我的办件: the ID number (or credit code) AND the mobile the account proved by SMS
 * must both be the case's — a number typed by someone else alone shows nothing. Newest first, at most 50.
 */
export const casesOfApplicant = (db: Db, idNumber: string, phone: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'case_no', 'item_name', 'status', 'accepted_at', 'due_at', 'due_provisional', 'applicant_phone'])
    .where('applicant_id_number', '=', idNumber)
    .where('applicant_phone', '=', phone)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();

/** One case of 我的办件 by its number, under the same rule (ID number or credit code AND mobile), or undefined. */
export const caseOfApplicant = (db: Db, caseNo: string, idNumber: string, phone: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'case_no'])
    .where('case_no', '=', caseNo)
    .where('applicant_id_number', '=', idNumber)
    .where('applicant_phone', '=', phone)
    .executeTakeFirst();

/** Status, kind and due date of these cases, by id: what an Open311 request shows of the case its application became. */
export async function caseSummariesByIds(db: Db, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map<string, { case_no: string; kind: string; status: string; due_at: string | null; updated_at: string }>();
  const rows = await db.selectFrom('cases').select(['id', 'case_no', 'kind', 'status', 'due_at', 'updated_at']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Cases in `statuses` last changed before `before`, in the order they were finished (last changed, then id) after
 * the keyset `after` (the last case of the previous page; null: from the start): the candidates the archive's
 * nightly job files (src/modules/archive), read a page at a time, so its 件号 follow the finishing order.
 */
export const caseIdsSettledBefore = (db: Db, statuses: readonly string[], before: string, after: { at: string; id: string } | null, limit: number) => {
  let q = db.selectFrom('cases').select(['id', 'updated_at']).where('status', 'in', [...statuses]).where('updated_at', '<', before);
  // the `>=` lets the index on (updated_at, id) (migration 0047) start each page where the last one ended
  if (after) q = q.where('updated_at', '>=', after.at).where((eb) => eb.or([eb('updated_at', '>', after.at), eb('id', '>', after.id)]));
  return q.orderBy('updated_at').orderBy('id').limit(limit).execute();
};
