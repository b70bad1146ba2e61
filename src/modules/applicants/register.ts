/**
 * 注册网上办事账号 (issue 11 §2): phone, the SMS code sent to it, a password as strong as the staff's, and the
 * real-name check (ID number with birth date, or credit code). The account, the used-up code, the first session and
 * the audit entry are written in ONE transaction. One account per phone: of two registrations of one phone at the
 * same moment one gets 201 and the other 409 (the unique index decides, never a 500). The same Idempotency-Key sent
 * again (a double tap, a retry after a lost answer) with the same phone and password signs in to the account it
 * made instead of making another.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { checkRealName, type ApplicantKind } from '../../domain/people/applicant-account.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { passwordProblem } from '../../domain/people/password.js';
import { fromBool, uniqueViolationTable } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { HttpError } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { checkedPhone, invalid } from './checks.js';
import { checkCode, codeUsedMeanwhile, phoneRegistered } from './codes.js';
import * as repo from './repo.js';
import { applicantView, openSession, type Client, type SignedIn } from './session.js';

export interface RegisterInput {
  phone: string;
  code: string;
  password: string;
  kind: ApplicantKind;
  name: string;
  idNumber?: string | undefined;
  creditCode?: string | undefined;
}

const keyReused = () => new HttpError('IDEMPOTENCY_KEY_REUSED', '该提交编号已被使用，请刷新页面后重新注册。', undefined, 409);

export async function register(ctx: AppContext, input: RegisterInput, key: string, client: Client): Promise<SignedIn & { replayed: boolean }> {
  const { db } = ctx.database;
  const phone = checkedPhone(input.phone);

  // the same request again: sign in to what it made, if it is really the same person's
  const replay = async () => {
    const made = await repo.findByKey(db, key);
    if (!made) return undefined;
    if (made.phone !== phone || !(await verifyPassword(made.password_hash, input.password))) throw keyReused();
    const token = await db.transaction().execute((trx) => openSession(trx, ctx, made.id, client));
    return { token, applicant: applicantView(made), replayed: true };
  };
  const replayed = await replay();
  if (replayed) return replayed;

  const now = ctx.clock();
  const realName = checkRealName(input, localDate(now, ctx.config.timeZone));
  if (!realName.ok) throw invalid(realName.path, realName.error);
  const weak = passwordProblem(input.password, { policy: ctx.config.passwordPolicy, username: phone, demo: ctx.config.demo });
  if (weak) throw invalid('password', weak);
  if (await repo.findByPhone(db, phone)) throw phoneRegistered();

  const codeId = await checkCode(ctx, { phone, purpose: 'register', code: input.code, applicantId: null }, client);
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock().toISOString();
  const id = randomUUID();
  const row: repo.ApplicantRow = {
    id,
    phone,
    password_hash: passwordHash,
    kind: realName.value.kind,
    name: realName.value.name,
    id_number: realName.value.kind === 'person' ? realName.value.number : null,
    credit_code: realName.value.kind === 'organization' ? realName.value.number : null,
    real_name_verified: fromBool(true),
    real_name_verified_at: at,
    real_name_method: realName.value.method,
    failed_attempts: 0,
    last_failed_at: null,
    locked_until: null,
    last_login_at: at,
    idempotency_key: key,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  try {
    const token = await db.transaction().execute(async (trx) => {
      // the account first: a second registration of the phone waits here on the unique index and fails with 409
      await repo.insertApplicant(trx, row);
      if (!(await repo.consumeCode(trx, codeId, at))) throw codeUsedMeanwhile();
      const t = await openSession(trx, ctx, id, client);
      await recordAudit(trx, {
        at: new Date(at),
        userId: null,
        action: 'applicant.register',
        targetType: 'applicant',
        targetId: id,
        detail: { phone: maskPhone(phone), kind: row.kind, realNameMethod: row.real_name_method },
        ip: client.ip,
      });
      return t;
    });
    return { token, applicant: applicantView(row), replayed: false };
  } catch (error) {
    if (uniqueViolationTable(error) === null && !isUniqueOnApplicants(error)) throw error;
    // the same key committed a moment ago (two taps): its account; another registration of the phone: 409
    const again = await replay();
    if (again) return again;
    throw phoneRegistered();
  }
}

/** SQLite names the index's columns, PostgreSQL the table: either way a unique index of `applicants`. */
function isUniqueOnApplicants(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') && /applicants/.test(String((error as { message?: unknown }).message ?? '') + String((error as { table?: unknown }).table ?? ''));
}
