import { describe, expect, it } from 'vitest';
import { ACCOUNT_ACTIONS, accountDutyProblem, hasPermission, ROLES, SEPARATED_ADMIN_ROLES, STAFF_ACCOUNT_DUTIES, type Role } from '../../../src/domain/roles.js';

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
