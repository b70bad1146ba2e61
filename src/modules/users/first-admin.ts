import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { CENTER_SUFFIX } from '../../domain/orgs/tree.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import { passwordProblem, type PasswordPolicy } from '../../domain/people/password.js';
import { ROLE_NAMES, SEPARATED_ADMIN_ROLES } from '../../domain/roles.js';
import { clearFailures, endSessionsOfUser } from '../auth/repo.js';
import { hashPassword } from '../auth/passwords.js';
import { findOrgByCode, insertOrg, listOrgs } from '../orgs/repo.js';
import { DEFAULT_OFFICE_HOURS } from '../orgs/service.js';
import { findUserByUsername, insertUser, updateUser } from './repo.js';

export type AdminRole = (typeof SEPARATED_ADMIN_ROLES)[number];

/** 12+ characters of three kinds at least ("Bm-" and base64url), so it passes either password policy. */
const generatePassword = () => `Bm-${randomBytes(12).toString('base64url')}`;

/**
 * An administrator of a real deployment (`npm run cli -- create-admin [--role secadmin|auditor]`): the first
 * system administrator, and the security and audit administrators, whose accounts (三员分立) nobody can create
 * or change in the console. On an empty database it also creates the county organisation the administrator
 * belongs to; everything else is then done in the console.
 */
export async function createFirstAdmin(
  db: Db,
  input: {
    username: string;
    name: string;
    password?: string;
    orgCode: string;
    orgName?: string;
    timeZone: string;
    role?: AdminRole;
    /** default 等保 (the CLI passes the configured one) */
    policy?: PasswordPolicy;
  },
): Promise<{ orgName: string; generatedPassword: string | null }> {
  const role = input.role ?? 'sysadmin';
  const generatedPassword = input.password ? null : generatePassword();
  const password = input.password ?? generatedPassword!;
  const problem = passwordProblem(password, { policy: input.policy ?? 'dengbao', username: input.username });
  if (problem) throw new DomainError('WEAK_PASSWORD', problem);
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, input.username)) throw new DomainError('DUPLICATE', `用户名 ${input.username} 已存在。`);
    let org = await findOrgByCode(trx, input.orgCode);
    if (!org) {
      if ((await listOrgs(trx)).length > 0) {
        throw new DomainError('NOT_FOUND', `没有代码为 ${input.orgCode} 的机构，请核对 --org-code。`);
      }
      if (!input.orgName) throw new DomainError('ORG_NAME_REQUIRED', '数据库中还没有机构，请用 --org-name 给出县级名称，如“清河县”。');
      org = {
        id: randomUUID(),
        parent_id: null,
        level: 'county',
        code: input.orgCode,
        name: input.orgName,
        center_name: `${input.orgName}${CENTER_SUFFIX.county}`,
        address: null,
        phone: null,
        office_hours: toJson(DEFAULT_OFFICE_HOURS),
        time_zone: input.timeZone,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await insertOrg(trx, org);
    }
    const id = randomUUID();
    await insertUser(trx, {
      id,
      username: input.username,
      name: input.name,
      password_hash: passwordHash,
      org_id: org.id,
      roles: toJson([role]),
      phone: null,
      active: 1,
      last_login_at: null,
      // A generated password was printed on the operator's screen: its holder sets their own at first sign-in.
      // One given with --password is the person's own choice, typed by themselves at the server.
      must_change_password: generatedPassword ? 1 : 0,
      away: 0,
      away_reason: null,
      away_since: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await recordAudit(trx, { at: new Date(now), userId: null, action: 'user.createAdmin', targetType: 'user', targetId: id, detail: { username: input.username, role } });
    return { orgName: org.center_name, generatedPassword };
  });
}

/**
 * A new password for an account whose holder lost theirs, set on the server (`npm run cli -- reset-password`):
 * the only way for the three administrators' accounts, which nobody can reset in the console. Clears a
 * lock-out, ends the account's sessions, forces a new password at the next sign-in, and is audited.
 */
export async function resetPasswordOnServer(
  db: Db,
  input: { username: string; password?: string; policy: PasswordPolicy; demo: boolean },
): Promise<{ name: string; role: string; generatedPassword: string | null }> {
  const generatedPassword = input.password ? null : generatePassword();
  const password = input.password ?? generatedPassword!;
  const problem = passwordProblem(password, { policy: input.policy, username: input.username, demo: input.demo });
  if (problem) throw new DomainError('WEAK_PASSWORD', problem);
  const passwordHash = await hashPassword(password);
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const user = await findUserByUsername(trx, input.username);
    if (!user) throw new DomainError('NOT_FOUND', `没有用户名为 ${input.username} 的账号。`);
    await updateUser(trx, user.id, null, { password_hash: passwordHash, must_change_password: 1, updated_at: now.toISOString() });
    await clearFailures(trx, user.username);
    await endSessionsOfUser(trx, user.id, now.toISOString());
    await recordAudit(trx, { at: now, userId: null, action: 'user.resetPasswordCli', targetType: 'user', targetId: user.id, detail: { username: user.username } });
    const roles = JSON.parse(user.roles) as (keyof typeof ROLE_NAMES)[];
    return { name: user.name, role: roles.map((r) => ROLE_NAMES[r] ?? r).join('、'), generatedPassword };
  });
}
