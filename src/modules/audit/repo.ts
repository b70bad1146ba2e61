import { randomUUID } from 'node:crypto';
import { auditEntryHash, GENESIS_HASH } from '../../db/audit-chain.js';
import type { AuditLogTable } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';

export interface AuditInput {
  at: Date;
  userId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: unknown;
  /** the client's address (actor.ip in a request); none for jobs and the command line */
  ip?: string | null;
}

/**
 * One row of the audit trail, written in the same transaction as the change it records, as the next link of
 * the hash chain. The chain head row is updated first: on PostgreSQL its row lock holds every other append
 * until this transaction ends, so two appends can never both follow the same entry; on SQLite writes are one
 * at a time anyway. Because of that lock, record the audit entry as the LAST write of a transaction.
 * Outside a transaction it opens its own.
 */
export async function recordAudit(db: Db, entry: AuditInput): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => append(trx, entry));
  return append(db, entry);
}

// The three statements of an append, compiled once (src/db/prepared.ts): every change writes one.
const takeNextLink = prepared((db) =>
  db
    .updateTable('audit_chain')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash']),
);
const ENTRY_COLUMNS = ['id', 'at', 'user_id', 'action', 'target_type', 'target_id', 'detail', 'ip', 'seq', 'prev_hash', 'hash'] as const;
const insertEntry = prepared((db, ...values: unknown[]) =>
  db.insertInto('audit_log').values(Object.fromEntries(ENTRY_COLUMNS.map((c, i) => [c, values[i]])) as unknown as AuditLogTable),
);
const setHeadHash = prepared((db, hash: string) => db.updateTable('audit_chain').set({ hash }).where('id', '=', 1));

async function append(trx: Db, entry: AuditInput): Promise<void> {
  const [head] = await takeNextLink(trx);
  if (!head) throw new Error('audit_chain has no head row');
  const row = {
    id: randomUUID(),
    at: entry.at.toISOString(),
    user_id: entry.userId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ip: entry.ip ?? null,
    seq: Number(head.seq),
    prev_hash: head.hash,
  };
  const hash = auditEntryHash(row);
  const stored: AuditLogTable = { ...row, hash };
  await insertEntry(trx, ...ENTRY_COLUMNS.map((c) => stored[c] ?? null));
  await setHeadHash(trx, hash);
}

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: string;
  /** an action (`auth.failed`) or a group of them (`auth`); letters and dots only (checked by the route) */
  action?: string;
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  if (filter.userId) query = query.where('audit_log.user_id', '=', filter.userId);
  if (filter.action) {
    const action = filter.action;
    query = query.where((eb) =>
      eb.or([eb('audit_log.action', '=', action), eb('audit_log.action', 'like', `${action}.%`)]),
    );
  }
  return query;
}

export async function listEntries(db: Db, filter: AuditFilter, page: { offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    filtered(db, filter).selectAll('audit_log').orderBy('audit_log.seq', 'desc').offset(page.offset).limit(page.limit).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  const people = await peopleByIds(db, rows.map((r) => r.user_id));
  return {
    rows: rows.map((r) => ({ ...r, username: people.get(r.user_id ?? '')?.username ?? null, user_name: people.get(r.user_id ?? '')?.name ?? null })),
    total: Number(count.n),
  };
}

export type VerifyResult = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; problem: string };

/** Walks the whole chain in order, a batch at a time, recomputing every hash. */
export async function verifyChain(db: Db, batchSize = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows: AuditLogTable[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const checked = expected - 1;
      if (seq !== expected) return { ok: false, checked, brokenAt: expected, problem: `第 ${expected} 条记录缺失（被删除）。` };
      if (row.prev_hash !== prev) return { ok: false, checked, brokenAt: seq, problem: `第 ${seq} 条记录与前一条接不上（前一条被改动或删除）。` };
      if (auditEntryHash({ ...row, seq }) !== row.hash) return { ok: false, checked, brokenAt: seq, problem: `第 ${seq} 条记录的内容被改动过。` };
      prev = row.hash;
      expected += 1;
    }
    if (rows.length < batchSize) break;
  }
  const checked = expected - 1;
  const head = await db.selectFrom('audit_chain').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== checked || head.hash !== prev) {
    return { ok: false, checked, brokenAt: checked + 1, problem: `最后 ${head ? Number(head.seq) - checked : '若干'} 条记录缺失（被删除）。` };
  }
  return { ok: true, checked };
}
