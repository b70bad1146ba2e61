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
  // scheduled jobs and event consumers: the system administrator keeps the server running
  'jobs.view': ['sysadmin'],
  // the SMS records (短信记录) and message templates: the system administrator keeps the SMS channel running
  'notifications.view': ['sysadmin'],
  // 三员分立: only the audit administrator reads the log, and nobody else (the other two are what it watches).
  'audit.read': ['auditor'],
  'cases.handle': ['clerk', 'director', 'agent'],
  'cases.read': ['clerk', 'director', 'agent', 'leader', 'supervisor'],
  'cases.review-refusals': ['director'],
  // electronic supervision (issue 9 §1): the tree's violations and rules; the sysadmin keeps the rules; the center
  // explains, the supervisor decides
  'supervision.view': ['supervisor', 'leader', 'director', 'clerk'],
  'supervision.rules': ['sysadmin'],
  'supervision.explain': ['director', 'clerk'],
  'supervision.decide': ['supervisor'],
  // dashboards (issue 9 §4): the center's exceptions, a clerk's own, the tree below a supervisor
  'dashboard.center': ['director', 'leader'],
  'dashboard.mine': ['clerk'],
  'dashboard.tree': ['supervisor', 'leader', 'director'],
  // 督办单: supervisors issue, send back, raise and close (销号) them; the center's director or leader on duty answers
  'supervision.cards.read': ['supervisor', 'director', 'leader'],
  'supervision.cards.issue': ['supervisor'],
  'supervision.cards.reply': ['director', 'leader'],
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
  'jobs.view': '查看定时任务',
  'notifications.view': '查看短信记录和消息模板',
  'audit.read': '查看审计日志',
  'cases.handle': '登记和办理办件',
  'cases.read': '查看办件',
  'cases.review-refusals': '审查否定报备',
  'supervision.view': '查看电子监察记录',
  'supervision.rules': '调整电子监察规则',
  'supervision.explain': '对监察记录说明情况',
  'supervision.decide': '认定或撤销监察记录',
  'dashboard.center': '查看本中心工作台（红黄灯、到期、待审批）',
  'dashboard.mine': '查看本人的红黄灯和今日到期办件',
  'dashboard.tree': '查看下级中心的监察统计',
  'supervision.cards.read': '查看督办单',
  'supervision.cards.issue': '发出、升级和销号督办单',
  'supervision.cards.reply': '回告督办单',
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** 三员分立: the system, security and audit administrators must be three different people. */
export const SEPARATED_ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
const isSeparatedAdmin = (role: Role) => (SEPARATED_ADMIN_ROLES as readonly Role[]).includes(role);

export function rolesProblem(roles: readonly Role[]): string | null {
  if (roles.length === 0) return '请至少选择一个角色。';
  if (roles.filter(isSeparatedAdmin).length > 1) {
    return '系统管理员、安全管理员、审计管理员须由不同人员担任（三员分立），一个账号只能担任其中一种。';
  }
  return null;
}

/** What an administrator can do to someone else's account in the console. */
export const ACCOUNT_ACTIONS = ['create', 'edit', 'roles', 'resetPassword', 'unlock'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export const ACCOUNT_ACTION_NAMES: Record<AccountAction, string> = {
  create: '新建人员账号',
  edit: '修改人员信息、停用或启用账号',
  roles: '调整人员角色',
  resetPassword: '重置他人密码',
  unlock: '解除账号锁定',
};

/**
 * Who administers the accounts of ordinary staff (every account holding none of the three administrator
 * roles), after GB/T 22239-2019 安全管理中心: the system administrator manages identities and the running
 * system (accounts are created, edited, disabled; organisations, windows, catalog, calendar, settings), the
 * security administrator the security of accounts (授权: roles; passwords; lock-outs), the audit administrator
 * only reads and checks the audit log.
 *
 * The three administrators' own accounts are outside this table on purpose: in the console nobody changes them,
 * not even one of the three for another, so no one can take over the account that is meant to watch them.
 * Each changes their own password (POST /api/auth/password); creating one, or resetting one whose holder
 * forgot the password, is done on the server's command line (`create-admin --role`, `reset-password`), is
 * recorded in the audit log and forces a new password at the next sign-in.
 */
export const STAFF_ACCOUNT_DUTIES: Record<AccountAction, readonly Role[]> = {
  create: ['sysadmin'],
  edit: ['sysadmin'],
  roles: ['secadmin'],
  resetPassword: ['secadmin'],
  unlock: ['secadmin'],
};

/**
 * Why `actorRoles` may not do `action` to an account holding `targetRoles` (for `create` and `roles`: the
 * roles it would hold afterwards), or null when it may.
 */
export function accountDutyProblem(
  actorRoles: readonly Role[],
  action: AccountAction,
  target: { roles: readonly Role[]; newRoles?: readonly Role[] },
): string | null {
  if (target.roles.some(isSeparatedAdmin)) {
    return '三员分立：系统管理员、安全管理员、审计管理员的账号在控制台里谁都不能修改、重置或解锁（包括三员之间），本人可以修改自己的密码；确需重置的，由服务器管理人员用命令行 reset-password 办理并记入审计日志。';
  }
  if ((target.newRoles ?? []).some(isSeparatedAdmin)) {
    return '系统管理员、安全管理员、审计管理员账号不能在控制台授予，须在服务器上用命令行 create-admin --role 建立（三员分立）。';
  }
  const allowed = STAFF_ACCOUNT_DUTIES[action];
  if (!actorRoles.some((role) => allowed.includes(role))) {
    return `您没有${ACCOUNT_ACTION_NAMES[action]}的权限：按三员分立，这项工作由${allowed.map((r) => ROLE_NAMES[r]).join('、')}办理。`;
  }
  return null;
}
