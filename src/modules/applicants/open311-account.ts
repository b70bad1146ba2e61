/**
 * The account an Open311 request (issue 11 §5) applies with: the applicant's account found by the phone, or — when the
 * phone has none — a new account real-named by the same checks as registration (the caller has run them) that cannot
 * be signed in to yet: its password is no password hash at all, so every sign-in with a password fails. The person
 * claims it with 找回密码: a code sent by SMS to that phone (reset-password.ts), then a password of their own.
 *
 * An existing account whose ID number (or credit code) differs from the request's is refused: the phone is someone
 * else's, and an application must not land in another person's account.
 */
import { randomUUID } from 'node:crypto';
import type { RealName } from '../../domain/people/applicant-account.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { DomainError } from '../../domain/errors.js';
import { fromBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import * as repo from './repo.js';

/** Not an Argon2 hash: verifyPassword is false for every password until 找回密码 sets one. */
export const UNCLAIMED_PASSWORD = '!unclaimed';

export type NamedApplicant = RealName & { phone: string };

const numberOf = (row: repo.ApplicantRow) => (row.kind === 'person' ? row.id_number : row.credit_code) ?? '';

export const applicantMismatch = () =>
  new DomainError(
    'OPEN311_APPLICANT_MISMATCH',
    '该手机号码已登记的网上办事账号，其证件号码与 attribute[APPLICANT_ID_NUMBER] 不一致。请核对申请人的手机号码和证件号码；确属本人的，请本人到便民服务中心窗口核实后再申请。',
    undefined,
    400,
  );

function sameApplicant(row: repo.ApplicantRow, who: NamedApplicant): repo.ApplicantRow {
  if (row.kind !== who.kind || numberOf(row).toUpperCase() !== who.number.toUpperCase()) throw applicantMismatch();
  return row;
}

/** The phone's account when it belongs to the same person (by ID number), or a new unclaimed account. */
export async function applicantForOpen311(ctx: AppContext, who: NamedApplicant, source: string): Promise<{ account: repo.ApplicantRow; created: boolean }> {
  const { db } = ctx.database;
  const existing = await repo.findByPhone(db, who.phone);
  if (existing) return { account: sameApplicant(existing, who), created: false };
  const now = ctx.clock();
  const at = now.toISOString();
  const row: repo.ApplicantRow = {
    id: randomUUID(),
    phone: who.phone,
    password_hash: UNCLAIMED_PASSWORD,
    kind: who.kind,
    name: who.name,
    id_number: who.kind === 'person' ? who.number : null,
    credit_code: who.kind === 'organization' ? who.number : null,
    real_name_verified: fromBool(true),
    real_name_verified_at: at,
    real_name_method: who.method,
    failed_attempts: 0,
    last_failed_at: null,
    locked_until: null,
    last_login_at: null,
    idempotency_key: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertApplicant(trx, row);
      await recordAudit(trx, {
        at: now,
        userId: null,
        action: 'applicant.createdByOpen311',
        targetType: 'applicant',
        targetId: row.id,
        detail: { phone: maskPhone(who.phone), kind: row.kind, realNameMethod: row.real_name_method, source },
      });
    });
    return { account: row, created: true };
  } catch (error) {
    // the same phone registered (or posted) at the same moment: that account, if it is the same person's
    const again = await repo.findByPhone(db, who.phone);
    if (!again) throw error;
    return { account: sameApplicant(again, who), created: false };
  }
}
