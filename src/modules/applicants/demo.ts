/**
 * The demo's applicant account (网上办事账号), for `npm start` in demo mode: 赵桂兰, phone 13700001234, password in the
 * README, real-named by her ID number. Registering normally needs an SMS code; the demo has no SMS provider, so the
 * account is written as registration would write it. Once: nothing happens when the phone already has an account.
 */
import { randomUUID } from 'node:crypto';
import { fromBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { hashPassword } from '../auth/passwords.js';
import * as repo from './repo.js';

export const DEMO_APPLICANT = { phone: '13700001234', password: 'Qinghe#2026', name: '赵桂兰', idNumber: '11010519491231002X' } as const;

/** The demo applicant's id (made now, or found). */
export async function seedDemoApplicant(ctx: AppContext): Promise<string> {
  const { db } = ctx.database;
  const found = await repo.findByPhone(db, DEMO_APPLICANT.phone);
  if (found) return found.id;
  const at = ctx.clock().toISOString();
  const id = randomUUID();
  await repo.insertApplicant(db, {
    id,
    phone: DEMO_APPLICANT.phone,
    password_hash: await hashPassword(DEMO_APPLICANT.password),
    kind: 'person',
    name: DEMO_APPLICANT.name,
    id_number: DEMO_APPLICANT.idNumber,
    credit_code: null,
    real_name_verified: fromBool(true),
    real_name_verified_at: at,
    real_name_method: 'gb11643',
    failed_attempts: 0,
    last_failed_at: null,
    locked_until: null,
    last_login_at: null,
    idempotency_key: null,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  return id;
}
