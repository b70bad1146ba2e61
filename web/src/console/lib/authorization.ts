import { PERMISSIONS as SERVER_PERMISSIONS, refusalAdvice } from '@domain/roles';
import type { Role } from './roles';

/**
 * Who may do what in the console: the server's own permission table (src/domain/roles.ts), plus who sees
 * the pages that only read. The server still checks every request; this only decides which menus and
 * buttons a person sees.
 */
export const PERMISSIONS = {
  ...SERVER_PERMISSIONS,
  /** The organisation tree page: the administrator who maintains it and the directors who run a center. */
  'orgs.view': ['sysadmin', 'director'],
  /** The staff page (人员管理): the account administrators, and directors for their staff's photos (政务公开). */
  'users.view': ['sysadmin', 'secadmin', 'director'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly string[] | undefined, permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return (roles ?? []).some((role) => allowed.includes(role));
}

/**
 * Thrown by a route whose page the signed-in person may not open. Given who asked and the permission, it says
 * whom to turn to the way the server does (三员分立: an administrator is told whose duty the page is).
 */
export class ForbiddenError extends Error {
  constructor(roles?: readonly string[], permission?: Permission) {
    const advice = roles && permission ? refusalAdvice(roles as Role[], PERMISSIONS[permission]) : '';
    super(`您的账号没有打开这个页面的权限。${advice}`);
    this.name = 'ForbiddenError';
  }
}
