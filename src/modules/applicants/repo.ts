/**
 * The SQL of applicant accounts (0026): accounts, their sessions, verification codes and the per-phone send count.
 * The counts that guard against guessing and SMS flooding are each taken in ONE statement, so however many
 * requests or processes arrive together, none can slip past the limit between a read and a write.
 */
import { sql } from 'kysely';
import type { ApplicantSessionsTable, ApplicantsTable, VerificationCodesTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type ApplicantRow = ApplicantsTable;

export const findByPhone = (db: Db, phone: string) => db.selectFrom('applicants').selectAll().where('phone', '=', phone).executeTakeFirst();
export const findById = (db: Db, id: string) => db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirst();
export const findByKey = (db: Db, key: string) => db.selectFrom('applicants').selectAll().where('idempotency_key', '=', key).executeTakeFirst();

export const insertApplicant = (db: Db, row: ApplicantRow) => db.insertInto('applicants').values(row).execute();

/**
 * Takes one sign-in guess for a phone, before its password is checked: the count goes up by one, and the guess that
 * reaches `maxFailures` sets the lock at once. A locked account gets no guess (no row comes back) and its password is
 * never checked. The count starts again after a lock has run out, or after a quiet day.
 */
export async function takeGuess(db: Db, input: { phone: string; now: string; quietSince: string; maxFailures: number; lockedUntil: string }) {
  const next = sql<number>`case when locked_until is not null or last_failed_at is null or last_failed_at < ${input.quietSince} then 1 else failed_attempts + 1 end`;
  return db
    .updateTable('applicants')
    .set({
      failed_attempts: next,
      locked_until: sql<string | null>`case when ${next} >= ${input.maxFailures} then cast(${input.lockedUntil} as text) else null end`,
      last_failed_at: input.now,
    })
    .where('phone', '=', input.phone)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', input.now)]))
    .returning(['id', 'failed_attempts', 'locked_until', 'password_hash'])
    .executeTakeFirst();
}

/** The right password (or a reset by code) clears the count and any lock. */
export const signedIn = (db: Db, id: string, at: string) =>
  db.updateTable('applicants').set({ failed_attempts: 0, last_failed_at: null, locked_until: null, last_login_at: at }).where('id', '=', id).execute();

export const setPassword = (db: Db, id: string, passwordHash: string, at: string) =>
  db
    .updateTable('applicants')
    .set((eb) => ({ password_hash: passwordHash, failed_attempts: 0, last_failed_at: null, locked_until: null, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

// ---- sessions

export const insertSession = (db: Db, row: Omit<ApplicantSessionsTable, 'last_seen_at' | 'ended_at'>) =>
  db.insertInto('applicant_sessions').values({ ...row, last_seen_at: row.created_at, ended_at: null }).execute();

export const findLiveSession = (db: Db, id: string) =>
  db.selectFrom('applicant_sessions').selectAll().where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();

export const touchSession = (db: Db, id: string, at: string) => db.updateTable('applicant_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();

export const endSession = (db: Db, id: string, at: string) =>
  db.updateTable('applicant_sessions').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();

export const endSessionsOf = (db: Db, applicantId: string, at: string) =>
  db.updateTable('applicant_sessions').set({ ended_at: at }).where('applicant_id', '=', applicantId).where('ended_at', 'is', null).execute();

// ---- verification codes

/**
 * Counts a code for a phone if it may have one: the last at least `resendSeconds` ago, fewer than `perDay` today.
 * One statement; undefined when refused.
 */
export async function takeSend(db: Db, input: { phone: string; day: string; now: string; notBefore: string; perDay: number }) {
  return db
    .insertInto('code_sends')
    .values({ phone: input.phone, day: input.day, sent_today: 1, last_sent_at: input.now })
    .onConflict((oc) =>
      oc
        .column('phone')
        .doUpdateSet({
          sent_today: sql<number>`case when code_sends.day = ${input.day} then code_sends.sent_today + 1 else 1 end`,
          day: input.day,
          last_sent_at: input.now,
        })
        .where(sql<boolean>`code_sends.last_sent_at <= ${input.notBefore} and (code_sends.day <> ${input.day} or code_sends.sent_today < ${input.perDay})`),
    )
    .returning(['sent_today'])
    .executeTakeFirst();
}

export const findSends = (db: Db, phone: string) => db.selectFrom('code_sends').selectAll().where('phone', '=', phone).executeTakeFirst();

export const insertCode = (db: Db, row: VerificationCodesTable) => db.insertInto('verification_codes').values(row).execute();

/** A phone's codes older than `before` (a week): they can no longer be used, the audit log keeps what happened. */
export const pruneCodes = (db: Db, phone: string, before: string) => db.deleteFrom('verification_codes').where('phone', '=', phone).where('created_at', '<', before).execute();

/** The latest code of a phone for a purpose: only the latest one counts. */
export const latestCode = (db: Db, phone: string, purpose: string) =>
  db.selectFrom('verification_codes').selectAll().where('phone', '=', phone).where('purpose', '=', purpose).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();

/** One try of a code, counted before it is compared; undefined when the code is used, expired or used up. */
export const takeCodeTry = (db: Db, id: string, now: string, maxAttempts: number) =>
  db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['attempts', 'code_hash'])
    .executeTakeFirst();

/** Uses a code up; false when another request used it first. */
export async function consumeCode(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('verification_codes').set({ consumed_at: at }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
