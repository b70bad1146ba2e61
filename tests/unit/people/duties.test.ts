import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ACTIONS,
  accountDutyProblem,
  hasPermission,
  PERMISSIONS,
  refusalAdvice,
  ROLE_NAMES,
  ROLES,
  SEPARATED_ADMIN_ROLES,
  STAFF_ACCOUNT_DUTIES,
  staffAccountDutiesText,
  type Permission,
  type Role,
} from '../../../src/domain/roles.js';

const STAFF: Role[] = ROLES.filter((r) => !(SEPARATED_ADMIN_ROLES as readonly Role[]).includes(r));

describe('三员分立: who administers whose account', () => {
  it('none of the three touches another one’s account, nor any other of the three, for any action', () => {
    for (const actor of SEPARATED_ADMIN_ROLES) {
      for (const target of SEPARATED_ADMIN_ROLES) {
        for (const action of ACCOUNT_ACTIONS) {
          expect(accountDutyProblem([actor], action, { roles: [target] }), `${actor} ${action} ${target}`).toContain('三员分立');
        }
      }
    }
  });

  it('the console grants none of the three roles, to anyone', () => {
    for (const admin of SEPARATED_ADMIN_ROLES) {
      expect(accountDutyProblem(['sysadmin'], 'create', { roles: [], newRoles: [admin] })).toContain('create-admin');
      expect(accountDutyProblem(['secadmin'], 'roles', { roles: ['clerk'], newRoles: ['clerk', admin] })).toContain('create-admin');
    }
  });

  it('ordinary accounts: each action belongs to exactly the roles of its row of the table', () => {
    for (const action of ACCOUNT_ACTIONS) {
      for (const actor of ROLES) {
        const allowed = STAFF_ACCOUNT_DUTIES[action].includes(actor);
        for (const target of STAFF) {
          const problem = accountDutyProblem([actor], action, { roles: [target], newRoles: [target] });
          expect(problem === null, `${actor} ${action} ${target}`).toBe(allowed);
        }
      }
    }
  });

  it('splits the work the 等保 way: identities by the system administrator, security by the security administrator', () => {
    expect(STAFF_ACCOUNT_DUTIES).toEqual({
      create: ['sysadmin'],
      edit: ['sysadmin'],
      roles: ['secadmin'],
      resetPassword: ['secadmin'],
      unlock: ['secadmin'],
    });
    expect(ACCOUNT_ACTIONS.some((a) => STAFF_ACCOUNT_DUTIES[a].includes('auditor'))).toBe(false);
  });

  it('only the audit administrator reads the audit log', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'audit.read'))).toEqual(['auditor']);
  });
});

describe('a refusal names whom to turn to', () => {
  it('tells none of the three to ask for a role: it names whose duty the work is', () => {
    for (const actor of SEPARATED_ADMIN_ROLES) {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        if (hasPermission([actor], permission)) continue;
        const advice = refusalAdvice([actor], PERMISSIONS[permission]);
        expect(advice, `${actor} ${permission}`).not.toContain('调整角色');
        expect(advice).toContain('三员分立');
      }
    }
    expect(refusalAdvice(['secadmin'], PERMISSIONS['audit.read'])).toBe('按三员分立，这项工作由审计管理员办理。');
    // who does which part of staff accounts: the security administrator cannot create one, so "找安全管理员" alone misleads
    expect(refusalAdvice(['auditor'], PERMISSIONS['users.manage'])).toBe('按三员分立，人员账号由系统管理员建立和修改，安全管理员分配角色、重置密码和解除锁定。');
  });

  it('sends ordinary staff to whoever grants roles, unless only an administrator does the work', () => {
    const granters = STAFF_ACCOUNT_DUTIES.roles.map((r) => ROLE_NAMES[r]).join('、');
    expect(refusalAdvice(['clerk'], PERMISSIONS['cases.review-refusals'])).toBe(`如确需办理，请联系${granters}调整角色。`);
    expect(refusalAdvice(['clerk'], PERMISSIONS['audit.read'])).toBe('这项工作由审计管理员办理。');
    expect(refusalAdvice(['clerk'], PERMISSIONS['users.manage'])).toBe('人员账号由系统管理员建立和修改，安全管理员分配角色、重置密码和解除锁定，请联系相应的管理员。');
  });

  it('names each account duty with the administrator the duty table gives it to', () => {
    const text = staffAccountDutiesText();
    for (const action of ACCOUNT_ACTIONS) {
      for (const role of STAFF_ACCOUNT_DUTIES[action]) expect(text, action).toContain(ROLE_NAMES[role]);
    }
    // 建立 is said of the system administrator only: the security administrator's clause must not offer it
    const secadminClause = text.slice(text.indexOf(ROLE_NAMES.secadmin));
    expect(secadminClause).not.toContain('建立');
  });
});
