/**
 * The audit log's vocabulary: what each recorded action is called, for the audit administrator's screen.
 * An action is `group.verb`; a filter by group (`auth`) finds every action of it.
 */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.failed': '登录失败',
  'auth.locked': '账号因连续输错被锁定',
  'auth.passwordChanged': '本人修改密码',
  'http.forbidden': '越权操作被拒绝（403）',
  'user.create': '新建人员账号',
  'user.createAdmin': '命令行建立管理员账号',
  'user.update': '修改人员账号',
  'user.resetPassword': '重置密码',
  'user.resetPasswordCli': '命令行重置密码',
  'user.unlock': '解除锁定',
  'user.away': '登记离岗',
  'user.back': '登记返岗',
  'case.register': '受理登记',
  'case.read': '查看办件完整个人信息',
  'export.ledger': '导出办件台账',
  'export.villageMonthly': '导出村级统计表',
  'export.catalog': '导出事项目录',
  'audit.verify': '校验审计日志',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'org.items': '设置本中心可办事项',
  'window.create': '新建窗口',
  'window.update': '修改窗口',
  'item.create': '新建事项',
  'item.update': '修改事项',
  'item.retire': '停用事项',
  'catalog.import': '导入事项目录',
  'calendar.import': '导入节假日安排',
  'settings.levelNames': '修改层级名称',
  'village.batch.send': '村级批次报送',
  'village.batch.receive': '接收村级批次',
};

export const AUDIT_GROUP_NAMES: Record<string, string> = {
  auth: '登录与密码',
  http: '越权访问',
  user: '人员账号',
  case: '办件',
  export: '导出',
  audit: '审计',
  org: '组织机构',
  window: '窗口',
  item: '事项',
  catalog: '事项目录',
  calendar: '工作日历',
  settings: '系统设置',
  village: '村级代办',
};

/** The Chinese name of an action; an action added later without a name still shows, as its code. */
export const auditActionName = (action: string): string => AUDIT_ACTION_NAMES[action] ?? action;
