import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { CENTER_SUFFIX } from '../../domain/orgs/tree.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import { passwordProblem } from '../../domain/people/password.js';
import { hashPassword } from '../auth/passwords.js';
import { findOrgByCode, insertOrg, listOrgs } from '../orgs/repo.js';
import { DEFAULT_OFFICE_HOURS } from '../orgs/service.js';
import { findUserByUsername, insertUser } from './repo.js';

/**
 * The first administrator of a real deployment (`npm run cli -- create-admin`). On an empty database it also
 * creates the county organisation the administrator belongs to; everything else is then done in the console.
 */
export async function createFirstAdmin(
  db: Db,
  input: { username: string; name: string; password?: string; orgCode: string; orgName?: string; timeZone: string },
): Promise<{ orgName: string; generatedPassword: string | null }> {
  const generatedPassword = input.password ? null : `Bm-${randomBytes(9).toString('base64url')}`;
  const password = input.password ?? generatedPassword!;
  const problem = passwordProblem(password);
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
      roles: toJson(['sysadmin']),
      phone: null,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      away: 0,
      away_reason: null,
      away_since: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await recordAudit(trx, { at: new Date(now), userId: null, action: 'user.createAdmin', targetType: 'user', targetId: id });
    return { orgName: org.center_name, generatedPassword };
  });
}
