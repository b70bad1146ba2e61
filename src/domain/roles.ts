/**
 * Roles of DOMAIN.md and what each may do. Permissions are one declarative table, checked in one place
 * (`can`), so a route never carries its own role list.
 */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'director', 'leader', 'clerk', 'agent', 'supervisor', 'petition'] as const;
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
  petition: '信访工作人员',
};

export const PERMISSIONS = {
  'orgs.manage': ['sysadmin'],
  'users.manage': ['sysadmin', 'secadmin'],
  // 政务公开: the staff photo shown on the public pages; the system administrator or the center's director
  'users.photo': ['sysadmin', 'director'],
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
  // 网上申请的预审 (issue 11 §2): the receiving center's clerks and director
  'applications.review': ['clerk', 'director'],
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
  // 投诉 (issue 10 §2): the center's director, leader on duty and clerks register and handle its complaints;
  // supervisors read their tree's
  'complaints.handle': ['director', 'leader', 'clerk'],
  'complaints.read': ['director', 'leader', 'clerk', 'supervisor'],
  'complaints.settings': ['sysadmin'],
  // 好差评 (issue 10 §1): the center reads its ratings (a clerk his own center's), supervisors the tree below; clerks,
  // agents and the director key in paper forms on the rater's behalf; the director or sysadmin registers window pads
  'evaluations.read': ['director', 'leader', 'supervisor', 'clerk'],
  'evaluations.enter': ['clerk', 'agent', 'director'],
  'evaluations.pads': ['director', 'sysadmin'],
  'evaluations.export': ['director', 'leader', 'supervisor'],
  // 差评整改工单 (issue 10 §1): the responsible center's clerks and director visit and rectify, the director (or leader
  // on duty) closes; 申诉复核: the director asks, a supervisor of the tree decides
  'evaluations.work-orders': ['director', 'leader', 'clerk'],
  'evaluations.appeal': ['director'],
  'evaluations.appeal-decide': ['supervisor'],
  // 咨询 (issue 10 §3): window clerks and the director log and answer their center's questions; the leader on duty
  // and supervisors read them (supervisors across their tree); clerks and the director keep their center's FAQ
  'consultations.log': ['clerk', 'director'],
  'consultations.read': ['clerk', 'director', 'leader', 'supervisor'],
  'consultations.faq': ['clerk', 'director'],
  // 信访接待 (issue 10 §4): only the petition staff and the center's leadership see petitions; a clerk or a
  // supervisor does not (the petitioner's personal data and safety)
  'petitions.read': ['petition', 'director', 'leader'],
  'petitions.handle': ['petition', 'director', 'leader'],
  // 政务公开的公告 (issue 11 §3): the center's director publishes, edits and withdraws its notices; the system
  // administrator those of any center in the tree
  'notices.manage': ['director', 'sysadmin'],
  // Open311 GeoReport v2 (issue 11 §5): the system administrator issues and revokes third parties' API keys
  'open311.keys': ['sysadmin'],
  // 大厅排队叫号 (issue 12 §1): window clerks and the director call numbers; the director sets up the hall's services
  'hall.call': ['clerk', 'director'],
  'hall.manage': ['director'],
  // 考勤和请假 (issue 12 §4): the director approves leave, sees and exports the center's monthly attendance and
  // sets the networks sign-in is allowed from; the leader on duty sees the table
  'attendance.approve': ['director'],
  // who signs in and out, files leave and shows on the 去向 board: the people who work at a center
  'attendance.sign': ['director', 'leader', 'clerk', 'agent', 'petition'],
  'attendance.view': ['director', 'leader'],
  // 预约 (issue 12 §3): the window books for a phone caller, checks in and cancels; a village agent books for a
  // villager; the director sets each service's slot plan and how many days ahead it is published
  'appointments.window': ['clerk', 'director'],
  'appointments.agent': ['agent'],
  'appointments.manage': ['director'],
  // 领导带班 (issue 12 §5): the director builds and publishes the center's duty roster; the leaders on duty (and the
  // director) record their receptions; a village's fixed office day is set by its agent or the township's director
  'duty.manage': ['director'],
  'duty.receive': ['leader', 'director'],
  'duty.office-day': ['agent', 'director'],
  // 百分制考核 (issue 13 §2): the people of a center see the month's ranking and their own deductions and appeal them;
  // the director enters manual items, decides appeals, recomputes and closes the month; the county's system
  // administrator keeps the rule set and its settings
  'assessment.view': ['director', 'leader', 'clerk', 'agent', 'petition'],
  'assessment.manage': ['director'],
  'assessment.rules': ['sysadmin'],
  // 评先评优 (issue 13 §3): the quarterly 流动红旗, the yearly 标兵 and the year-end tiers of a center or the tree below;
  // the director, the leader on duty and supervisors read and print them (the numbers are the sysadmin's settings)
  'awards.read': ['director', 'leader', 'supervisor'],
  // 月度统计与报送 (issue 13 §1): the center's director (a village's agent) submits and corrects its report; the upper
  // center's director returns a report of a center below; leaders and supervisors read the tree's reports
  'reports.view': ['director', 'leader', 'supervisor', 'agent'],
  'reports.submit': ['director', 'agent'],
  'reports.review': ['director'],
  // 标准化建设 (issue 13 §4): the system administrator keeps the checklists; a village's agent (or its township's
  // director on its behalf) and a township's director fill in the self-assessment; a county director or supervisor
  // inspects, scores and confirms rectification; the table of scores is read down the tree
  'standards.checklists': ['sysadmin'],
  'standards.self': ['agent', 'director'],
  'standards.inspect': ['director', 'supervisor'],
  'standards.view': ['agent', 'director', 'leader', 'supervisor', 'sysadmin'],
  // 立卷归档 (DOMAIN.md "Archive"): the center's staff and those above read its dossiers; the director and clerks file
  // and check them; the director keeps the 保管期限表
  'archive.read': ['director', 'clerk', 'leader', 'supervisor'],
  'archive.file': ['director', 'clerk'],
  'archive.retention': ['director'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** What the action is called in a refusal: "您没有{管理组织机构}的权限". */
export const PERMISSION_NAMES: Record<Permission, string> = {
  'orgs.manage': '管理组织机构',
  'users.manage': '管理人员账号',
  'users.photo': '上传或删除人员照片',
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
  'applications.review': '预审网上申请',
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
  'complaints.handle': '登记和办理投诉',
  'complaints.read': '查看投诉',
  'complaints.settings': '设置投诉办理时限',
  'evaluations.read': '查看评价记录',
  'evaluations.enter': '代录纸质评价表',
  'evaluations.pads': '登记窗口评价器',
  'evaluations.export': '导出评价记录',
  'evaluations.work-orders': '办理差评整改工单',
  'evaluations.appeal': '对差评提出申诉',
  'evaluations.appeal-decide': '复核差评申诉',
  'consultations.log': '登记和答复咨询',
  'consultations.read': '查看咨询记录',
  'consultations.faq': '编辑本中心的事项常见问题',
  'petitions.read': '查看信访登记',
  'petitions.handle': '登记和办理信访事项',
  'notices.manage': '发布和撤下本中心的公告',
  'open311.keys': '发放和吊销 Open311 接口密钥',
  'hall.call': '大厅叫号',
  'hall.manage': '设置大厅服务和查看排队统计',
  'attendance.approve': '审批请假、设置签到网络',
  'attendance.sign': '签到签退和请假',
  'attendance.view': '查看本中心考勤统计',
  'appointments.window': '办理预约（电话预约、签到、取消）',
  'appointments.agent': '为村民代为预约',
  'appointments.manage': '设置预约时段和查看爽约统计',
  'duty.manage': '编排和发布领导带班值班表',
  'duty.receive': '登记领导接待',
  'duty.office-day': '设置村固定办公日',
  'assessment.view': '查看考核评分',
  'assessment.manage': '录入考核扣分、处理申诉和考核关账',
  'assessment.rules': '维护考核规则和考核设置',
  'awards.read': '查看和打印评先评优名单',
  'reports.view': '查看月度统计报表',
  'reports.submit': '报送和更正本单位月度统计报表',
  'reports.review': '退回下级报送的月度统计报表',
  'standards.checklists': '维护标准化建设检查表',
  'standards.self': '填写和提交标准化建设自评、登记整改情况',
  'standards.inspect': '检查评分标准化建设、确认整改',
  'standards.view': '查看标准化建设情况',
  'archive.read': '查看档案（立卷归档）',
  'archive.file': '立卷归档和完整性检测',
  'archive.retention': '修改保管期限表',
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

/**
 * What a refusal tells the person to do next, given who may do it (`allowed`). 三员分立: one of the three
 * administrators is never told to ask for more roles (nobody changes their accounts in the console), and an
 * administrator's duty cannot be granted to ordinary staff either: both are told whose duty it is. Everyone else
 * asks whoever adjusts staff roles (STAFF_ACCOUNT_DUTIES.roles: the 安全管理员).
 */
export function refusalAdvice(actorRoles: readonly Role[], allowed: readonly Role[]): string {
  const names = (roles: readonly Role[]) => roles.map((r) => ROLE_NAMES[r]).join('、');
  // Staff accounts are split between two administrators: "由系统管理员、安全管理员办理" would send someone to the
  // security administrator to create an account, which they cannot do, so the advice says who does which part.
  const accountWork = isStaffAccountWork(allowed);
  if (actorRoles.some(isSeparatedAdmin)) return accountWork ? `按三员分立，${staffAccountDutiesText()}。` : `按三员分立，这项工作由${names(allowed)}办理。`;
  if (allowed.every(isSeparatedAdmin)) return accountWork ? `${staffAccountDutiesText()}，请联系相应的管理员。` : `这项工作由${names(allowed)}办理。`;
  return `如确需办理，请联系${names(STAFF_ACCOUNT_DUTIES.roles)}调整角色。`;
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

/** The duties of STAFF_ACCOUNT_DUTIES as a clause ("人员账号由系统管理员建立和修改，安全管理员…"); short verbs, same table. */
const ACCOUNT_DUTY_VERBS: Record<AccountAction, string> = { create: '建立', edit: '修改', roles: '分配角色', resetPassword: '重置密码', unlock: '解除锁定' };
const andList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}和${items.at(-1)}`);

export function staffAccountDutiesText(): string {
  const roles = [...new Set(ACCOUNT_ACTIONS.flatMap((a) => STAFF_ACCOUNT_DUTIES[a]))];
  const parts = roles.map((role) => `${ROLE_NAMES[role]}${andList(ACCOUNT_ACTIONS.filter((a) => STAFF_ACCOUNT_DUTIES[a].includes(role)).map((a) => ACCOUNT_DUTY_VERBS[a]))}`);
  return `人员账号由${parts.join('，')}`;
}

/** True when `allowed` is exactly the administrators who share the staff accounts (users.manage). */
function isStaffAccountWork(allowed: readonly Role[]): boolean {
  const duty = new Set(ACCOUNT_ACTIONS.flatMap((a) => STAFF_ACCOUNT_DUTIES[a]));
  return allowed.length > 0 && allowed.every((r) => duty.has(r)) && [...duty].every((r) => allowed.includes(r));
}

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

/** Who answers for a center's own duties (its monthly report, its rectifications): a village room's agent, a center's director. */
export const headRoleOf = (level: string): Role => (level === 'village' ? 'agent' : 'director');
