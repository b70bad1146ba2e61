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
  'user.photo': '上传人员照片',
  'user.photoRemove': '删除人员照片',
  'case.register': '受理登记',
  'case.read': '查看办件完整个人信息',
  'export.ledger': '导出办件台账',
  'export.villageMonthly': '导出村级统计表',
  'export.catalog': '导出事项目录',
  'export.supervisionReport': '导出电子监察月报',
  'export.evaluations': '导出评价记录',
  'export.attendance': '导出月度考勤统计',
  'export.audit': '导出审计日志',
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
  'card.issue': '发出督办单',
  'card.reply': '回告督办单',
  'card.return': '退回督办单回告',
  'card.raise': '升级督办单',
  'card.close': '督办单销号',
  'card.print': '打印督办单',
  'applicant.codeSent': '发送网上办事验证码',
  'applicant.register': '网上办事账号注册',
  'applicant.login': '网上办事账号登录',
  'applicant.failed': '网上办事账号登录失败',
  'applicant.locked': '网上办事账号因连续输错被锁定',
  'applicant.codeFailed': '网上办事验证码输错',
  'applicant.passwordReset': '网上办事账号找回密码',
  'applicant.logout': '网上办事账号退出登录',
  'case.print': '打印办件文书',
  'application.read': '查看网上申请完整个人信息',
  'application.submit': '提交网上申请',
  'promise.check': '告知承诺核查',
  'appointment.book': '预约办事',
  'appointment.cancel': '取消预约',
  'appointment.check-in': '预约签到',
  'appointment.plan': '设置预约时段',
  'appointment.daysAhead': '设置可提前预约的天数',
  'hall.call-specific': '指定叫号',
  'hall.green-channel': '绿色通道优先叫号',
  'hall.service.create': '新增大厅服务',
  'hall.service.update': '修改大厅服务',
  'hall.settings': '修改排队规则',
  'attendance.signIn': '考勤签到',
  'attendance.signOut': '考勤签退',
  'attendance.networks': '设置考勤网络地址',
  'leave.request': '申请请假',
  'leave.start': '请假开始（标为离岗）',
  'leave.end': '请假结束（标为返岗）',
  'leave.cancel': '撤销请假',
  'duty.roster.save': '保存值班表',
  'duty.roster.publish': '发布值班表',
  'duty.roster.change': '调整值班表',
  'duty.reception.record': '登记领导接待',
  'duty.reception.change': '修改领导接待登记',
  'duty.office-day.set': '设置村便民服务室固定办公日',
  'consultation.ask': '群众网上咨询',
  'consultation.log': '登记咨询',
  'consultation.answer': '答复咨询',
  'complaint.register': '登记投诉',
  'complaint.read': '查看投诉人完整个人信息',
  'complaint.remind': '催办投诉',
  'petition.register': '信访登记',
  'petition.read': '查看信访人完整个人信息',
  'petition.print': '打印信访文书',
  'notice.publish': '发布公告',
  'ratingPad.register': '登记评价器',
  'ratingPad.revoke': '停用评价器',
  'appeal.request': '申诉差评',
  'workOrder.open': '差评生成整改工单',
  'workOrder.rate-fix': '评价整改结果',
  'assessment.item': '登记考核加减分',
  'assessment.item.withdraw': '撤回考核加减分',
  'assessment.evidence': '上传考核佐证材料',
  'assessment.rule': '修改考核评分规则',
  'assessment.chief': '指定窗口首席代表',
  'assessment.appeal': '考核结果申诉',
  'assessment.appeal.decide': '裁定考核申诉',
  'assessment.close': '考核月度结账',
  'assessment.recompute': '重新计算考核得分',
  'standards.checklist.version': '修订标准化自查清单',
  'supervision.rule.update': '修改电子监察规则',
  'reports.monthly.export': '导出月度统计报表',
  'settings.update': '修改系统设置',
  'settings.sms': '修改短信设置',
  'settings.ratingDays': '修改好差评天数设置',
  'settings.ratingWorkOrderDays': '修改差评整改时限',
  'settings.complaintLimits': '修改投诉办理时限',
  'settings.petitionDayCount': '修改信访时限计算方式',
  'settings.monthlyReportDueDay': '修改月报报送日期',
  'settings.assessment': '修改考核设置',
  'settings.awards': '修改评先评优设置',
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
  card: '督办单',
  applicant: '网上办事账号',
  application: '网上申请',
  promise: '告知承诺',
  appointment: '预约',
  hall: '大厅排队',
  attendance: '考勤',
  leave: '请假',
  duty: '值班与接待',
  consultation: '咨询',
  complaint: '投诉',
  petition: '信访',
  notice: '公告',
  ratingPad: '评价器',
  appeal: '差评申诉',
  workOrder: '差评整改',
  assessment: '考核评分',
  standards: '标准化建设',
  supervision: '电子监察',
  reports: '统计报表',
};

/** What an entry is about, in words (the 对象类型 of the screen and the export). */
export const AUDIT_TARGET_NAMES: Record<string, string> = {
  user: '人员账号',
  settings: '系统设置',
  applicant: '网上办事账号',
  org: '组织机构',
  leave: '请假',
  case: '办件',
  petition: '信访事项',
  complaint: '投诉',
  assessment_item: '考核加减分',
  assessment_month: '月度考核',
  assessment_rule: '考核规则',
  assessment_appeal: '考核申诉',
  window: '窗口',
  supervision_card: '督办单',
  supervision_rule: '电子监察规则',
  rating: '评价',
  rating_work_order: '差评整改工单',
  rating_pad: '评价器',
  rating_appeal: '差评申诉',
  item: '事项',
  item_faq: '常见问题',
  catalog: '事项目录',
  calendar: '工作日历',
  hall_service: '大厅服务',
  hall_ticket: '排队号',
  duty_roster: '值班表',
  duty_reception: '领导接待',
  consultation: '咨询',
  appointment: '预约',
  application: '网上申请',
  village_batch: '村级报送批次',
  notice: '公告',
  standard_checklist: '标准化自查清单',
  request: '请求',
  export: '导出',
  audit: '审计日志',
};

/** The Chinese name of what an entry is about; a kind added later without a name still shows, as its code. */
export const auditTargetName = (targetType: string): string => AUDIT_TARGET_NAMES[targetType] ?? targetType;

/** The Chinese name of an action; an action added later without a name still shows, as its code. */
export const auditActionName = (action: string): string => AUDIT_ACTION_NAMES[action] ?? action;

const FAILED_LOGIN_REASONS: Record<string, string> = {
  password: '密码错误',
  unknown: '无此用户名',
  inactive: '账号已停用',
  locked: '锁定期间，未核对密码',
};

/**
 * An entry's detail in words where the log has a known shape, otherwise the record as stored (personal data in
 * it was masked when it was written, and stays so): the auditor's screen and the exported workbook say the same.
 */
export function auditDetailText(entry: { action: string; userId: string | null; targetType: string; targetId: string | null; detail: unknown }): string {
  const d = (entry.detail ?? {}) as Record<string, unknown>;
  if (entry.action === 'auth.failed') {
    return `用户名 ${String(d.username)}：${FAILED_LOGIN_REASONS[String(d.reason)] ?? String(d.reason)}${d.purpose === 'change' ? '（修改密码时）' : ''}`;
  }
  if (entry.action === 'http.forbidden') return `${String(d.method)} ${String(d.path)}${d.code ? `（${String(d.code)}）` : ''}`;
  if (entry.action.startsWith('export.')) {
    const q = Object.entries((d.query ?? {}) as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
    return q.length ? `筛选：${q.join('，')}` : '全部';
  }
  if (entry.detail === null || entry.detail === undefined) {
    if (entry.targetType === 'user' && entry.targetId === entry.userId) return '本人';
    return entry.targetId ? `${auditTargetName(entry.targetType)} ${entry.targetId}` : '—';
  }
  return JSON.stringify(entry.detail);
}

/** The most entries one Excel export of the log carries: months of a county's log; more is slow to build and to open in WPS. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;

/** Why an export of `total` entries is refused, and what to do instead. */
export const auditExportTooLarge = (total: number, max: number): string =>
  `符合条件的审计记录有 ${total} 条，一次最多导出 ${max} 条。请缩小日期范围（或选定操作类型、人员）后分几次导出。`;
