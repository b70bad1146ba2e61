import type { Kysely } from 'kysely';
import { auditEntryHash, GENESIS_HASH } from '../audit-chain.js';

/** The tables as this migration sees them (later migrations may change them; this one must not follow). */
interface Tables {
  users: { username: string; failed_logins: number; locked_until: string | null; updated_at: string };
  login_failures: { username: string; failures: number; locked_until: string | null; last_failed_at: string };
  audit_log: {
    id: string;
    at: string;
    user_id: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    detail: string | null;
    seq: number | null;
    prev_hash: string | null;
    hash: string | null;
  };
  audit_chain: { id: number; seq: number; hash: string };
}

/**
 * Accounts and audit (issue 7 §8):
 * - login_failures: wrong passwords counted per NAME typed, whether or not such an account exists, so the
 *   answer and the lock-out are the same for both and nobody learns which usernames are real; counted with
 *   one atomic statement (no read-then-write).
 * - users.must_change_password: an account an administrator created or reset must set its own password first.
 * - the audit log becomes a hash chain: seq, prev_hash, hash per entry, and one chain head row that every
 *   append updates in its transaction (on PostgreSQL its row lock puts concurrent appends in a line).
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>;
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_last_idx').on('login_failures').column('last_failed_at').execute();
  // Carry over the lock-outs in force (the users' own columns are no longer read).
  const counted = await db
    .selectFrom('users')
    .select(['username', 'failed_logins', 'locked_until', 'updated_at'])
    .where((eb) => eb.or([eb('failed_logins', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
  for (const u of counted) {
    await db
      .insertInto('login_failures')
      .values({ username: u.username, failures: u.failed_logins, locked_until: u.locked_until, last_failed_at: u.updated_at })
      .execute();
  }

  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('audit_log').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('ip', 'text').execute();
  await db.schema
    .createTable('audit_chain')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // Chain what was written before, in the order it happened.
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at').orderBy('id').execute();
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const row of rows) {
    seq += 1;
    const hash = auditEntryHash({ ...row, seq, prev_hash: prev, ip: null });
    await db.updateTable('audit_log').set({ seq, prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
  await db.insertInto('audit_chain').values({ id: 1, seq, hash: prev }).execute();
  await db.schema.createIndex('audit_log_seq_uq').on('audit_log').column('seq').unique().execute();
  await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['audit_log_action_idx', 'audit_log_user_idx', 'audit_log_seq_uq']) await db.schema.dropIndex(index).execute();
  await db.schema.dropTable('audit_chain').execute();
  for (const column of ['ip', 'hash', 'prev_hash', 'seq']) await db.schema.alterTable('audit_log').dropColumn(column).execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.dropTable('login_failures').execute();
}
