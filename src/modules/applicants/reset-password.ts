/**
 * 找回密码: the phone, the code sent to it for `reset`, a new password (as strong as at registration). The new
 * password, the used-up code, the end of every other session, the cleared lock-out and the audit entry are ONE
 * transaction; the person is then signed in (a lock-out from wrong passwords ends here too: the code proves the
 * phone is theirs).
 */
import { maskPhone } from '../../domain/people/id-number.js';
import { passwordProblem } from '../../domain/people/password.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import { hashPassword } from '../auth/passwords.js';
import { checkedPhone, invalid } from './checks.js';
import { checkCode, codeUsedMeanwhile, phoneNotRegistered } from './codes.js';
import * as repo from './repo.js';
import { applicantView, openSession, type Client, type SignedIn } from './session.js';

export async function resetPassword(ctx: AppContext, input: { phone: string; code: string; password: string }, client: Client): Promise<SignedIn> {
  const { db } = ctx.database;
  const phone = checkedPhone(input.phone);
  const weak = passwordProblem(input.password, { policy: ctx.config.passwordPolicy, username: phone, demo: ctx.config.demo });
  if (weak) throw invalid('password', weak);
  const account = await repo.findByPhone(db, phone);
  if (!account) throw phoneNotRegistered();
  const codeId = await checkCode(ctx, { phone, purpose: 'reset', code: input.code, applicantId: account.id }, client);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock();
  const at = now.toISOString();
  const token = await db.transaction().execute(async (trx) => {
    if (!(await repo.consumeCode(trx, codeId, at))) throw codeUsedMeanwhile();
    await repo.setPassword(trx, account.id, passwordHash, at);
    await repo.endSessionsOf(trx, account.id, at);
    await repo.signedIn(trx, account.id, at);
    const t = await openSession(trx, ctx, account.id, client);
    await recordAudit(trx, { at: now, userId: null, action: 'applicant.passwordReset', targetType: 'applicant', targetId: account.id, detail: { phone: maskPhone(phone) }, ip: client.ip });
    return t;
  });
  return { token, applicant: applicantView((await repo.findById(db, account.id))!) };
}
