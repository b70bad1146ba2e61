// The roles and their rules are the server's own (src/domain): one list, one 三员分立 rule.
import { ROLE_NAMES, ROLES, type Role } from '@domain/roles';

export {
  ACCOUNT_ACTIONS,
  accountDutyProblem,
  ROLE_NAMES,
  ROLES,
  rolesProblem,
  SEPARATED_ADMIN_ROLES,
  STAFF_ACCOUNT_DUTIES,
  type AccountAction,
  type Role,
} from '@domain/roles';

export const roleName = (role: string): string => ROLE_NAMES[role as Role] ?? role;

export const roleOptions = ROLES.map((value) => ({ value, label: ROLE_NAMES[value] }));
