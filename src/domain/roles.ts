/**
 * Roles of DOMAIN.md and what each may do. Permissions are one declarative table, checked in one place
 * (`can`), so a route never carries its own role list.
 */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'director', 'leader', 'clerk', 'agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  director: '中心主任',
  leader: '带班领导',
  clerk: '窗口工作人员',
  agent: '村级代办员',
  supervisor: '纪检监察员',
};

export const PERMISSIONS = {
  'orgs.manage': ['sysadmin'],
  'users.manage': ['sysadmin', 'secadmin'],
  'windows.manage': ['sysadmin', 'director'],
  'catalog.manage': ['sysadmin'],
  'catalog.offer': ['sysadmin', 'director'],
  'calendar.manage': ['sysadmin'],
  'settings.manage': ['sysadmin'],
  'audit.read': ['auditor', 'secadmin'],
  'cases.handle': ['clerk', 'director', 'agent'],
  'cases.read': ['clerk', 'director', 'agent', 'leader', 'supervisor'],
  'cases.review-refusals': ['director'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** What the action is called in a refusal: "您没有{管理组织机构}的权限". */
export const PERMISSION_NAMES: Record<Permission, string> = {
  'orgs.manage': '管理组织机构',
  'users.manage': '管理人员账号',
  'windows.manage': '管理窗口',
  'catalog.manage': '维护事项目录',
  'catalog.offer': '设置本中心可办事项',
  'calendar.manage': '维护工作日历',
  'settings.manage': '修改系统设置',
  'audit.read': '查看审计日志',
  'cases.handle': '登记和办理办件',
  'cases.read': '查看办件',
  'cases.review-refusals': '审查否定报备',
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** 三员分立: the system, security and audit administrators must be three different people. */
const SEPARATED_ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export function rolesProblem(roles: readonly Role[]): string | null {
  if (roles.length === 0) return '请至少选择一个角色。';
  if (roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r)).length > 1) {
    return '系统管理员、安全管理员、审计管理员须由不同人员担任（三员分立），一个账号只能担任其中一种。';
  }
  return null;
}
