/**
 * The audit log's vocabulary: what each recorded action is called, for the audit administrator's screen.
 * An action is `group.verb`; a filter by group (`auth`) finds every action of it.
 */
import { RETENTION_NAMES, type RetentionPeriod } from './archive/terms.js';
import { localTime } from './calendar/office-hours.js';
import { CODE_PURPOSE_NAMES, type CodePurpose } from './people/applicant-account.js';
import { ROLE_NAMES, STAFF_ACCOUNT_DUTIES, type AccountAction, type Role } from './roles.js';

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
  'application.accept': '网上申请预审通过并受理',
  'application.notify-supplement': '网上申请一次性告知补正',
  'application.resubmit': '网上申请补正后重新提交',
  'application.return': '网上申请预审退回',
  'application.withdraw': '撤回网上申请',
  'application.refusal-review': '网上申请退回的否定报备审查',
  'application.refusal-answer': '答复主任对网上申请退回的异议',
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
  'assessment.close': '考核月度关账',
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
  'archive.file': '立卷归档',
  'archive.check': '档案完整性检测',
  'archive.retention': '修改保管期限表',
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
  archive: '立卷归档',
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
  archive_dossier: '案卷',
};

/** The Chinese name of what an entry is about; a kind added later without a name still shows, as its code. */
export const auditTargetName = (targetType: string): string => AUDIT_TARGET_NAMES[targetType] ?? targetType;

/** The Chinese name of an action; an action added later without a name still shows, as its code. */
export const auditActionName = (action: string): string => AUDIT_ACTION_NAMES[action] ?? action;

const purposeText = (purpose: unknown) => CODE_PURPOSE_NAMES[purpose as CodePurpose] ?? String(purpose ?? '');

const FAILED_LOGIN_REASONS: Record<string, string> = {
  password: '密码错误',
  unknown: '无此用户名',
  inactive: '账号已停用',
  locked: '锁定期间，未核对密码',
};

/**
 * What the reader of the log knows beyond the stored entry: the names behind the ids it keeps (people, centers,
 * windows, the route a refused request went to), resolved when the log is shown, because the entries themselves
 * are hash-linked and never rewritten. Every lookup may miss (a record deleted since): the text then says so.
 */
export interface AuditNames {
  person?: (id: string) => { name: string; username: string } | undefined;
  org?: (id: string) => string | undefined;
  window?: (id: string) => string | undefined;
  /** what a request was, in words (the route's summary), for a refusal */
  request?: (method: string, path: string) => string | undefined;
  /** the deployment's time zone and lock-out length, for "锁定至 18:37" of entries that did not keep the time */
  timeZone?: string;
  lockMinutes?: number;
}

export interface AuditEntryView {
  action: string;
  userId: string | null;
  targetType: string;
  targetId: string | null;
  detail: unknown;
  /** when it was recorded (ISO) */
  at?: string;
}

const PERSON_KEYS = new Set(['userId', 'postAUserId', 'postBUserId', 'from', 'to']);
const ORG_KEYS = new Set(['orgId', 'issuerOrgId']);
const WINDOW_KEYS = new Set(['windowId']);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v);

/** The ids an entry names, so that a page of the log looks all of them up at once. */
export function auditReferences(entries: readonly AuditEntryView[]): { people: string[]; orgs: string[]; windows: string[] } {
  const people = new Set<string>();
  const orgs = new Set<string>();
  const windows = new Set<string>();
  for (const e of entries) {
    if (e.targetId) {
      if (e.targetType === 'user') people.add(e.targetId);
      if (e.targetType === 'org') orgs.add(e.targetId);
      if (e.targetType === 'window') windows.add(e.targetId);
    }
    const d = e.detail;
    if (!d || typeof d !== 'object' || Array.isArray(d)) continue;
    for (const [key, value] of Object.entries(d as Record<string, unknown>)) {
      if (!isId(value)) continue;
      if (PERSON_KEYS.has(key)) people.add(value);
      if (ORG_KEYS.has(key)) orgs.add(value);
      if (WINDOW_KEYS.has(key)) windows.add(value);
    }
  }
  return { people: [...people], orgs: [...orgs], windows: [...windows] };
}

/** 钱多多（qa2clerk）; an account deleted since is named by the start of its id. */
function personText(names: AuditNames, id: string | null | undefined): string {
  if (!id) return '（无）';
  const p = names.person?.(id);
  return p ? `${p.name}（${p.username}）` : `已不存在的人员（编号 ${id.slice(0, 8)}）`;
}
const orgText = (names: AuditNames, id: string) => names.org?.(id) ?? `已不存在的机构（编号 ${id.slice(0, 8)}）`;
const windowText = (names: AuditNames, id: string) => names.window?.(id) ?? `已不存在的窗口（编号 ${id.slice(0, 8)}）`;
const rolesText = (roles: unknown) =>
  Array.isArray(roles) ? roles.map((r) => ROLE_NAMES[r as Role] ?? String(r)).join('、') : String(roles);

/** The fields entries keep, in words, for the entries without a sentence of their own. */
const FIELD_NAMES: Record<string, string> = {
  name: '名称', title: '标题', reason: '理由', note: '备注', month: '月份', day: '日期', days: '天数', count: '数量',
  userId: '人员', orgId: '机构', issuerOrgId: '出具机构', windowId: '窗口', postAUserId: 'A岗', postBUserId: 'B岗',
  department: '科室', active: '启用', roles: '角色', phone: '电话', username: '用户名', role: '角色',
  caseNo: '办件编号', complaintNo: '投诉编号', consultationNo: '咨询编号', petitionNo: '信访编号', cardNo: '督办单编号',
  workOrderNo: '整改工单编号', applicationNo: '申请编号', itemCode: '事项编码', number: '号码', level: '级别',
  decision: '决定', points: '分值', version: '版本', weekdays: '办公日', file: '文件', rows: '行数', refused: '未导入行数',
  source: '来源', channel: '渠道', status: '状态', kind: '类别', period: '时段', whereabouts: '去向', dueDay: '报送日',
  dueDate: '期限', daysAhead: '可提前预约天数', networks: '签到网络地址', ranges: '时段', subjects: '考核对象数', rule: '规则',
  subject: '考核对象', attempt: '第几次输错', until: '锁定至', sms: '短信告知', paper: '文书', late: '迟到', early: '早退',
  purpose: '用途', query: '筛选条件', path: '地址', hash: '文件哈希', size: '大小（字节）', printId: '打印记录',
  from: '原为', to: '改为', before: '原为', after: '改为', change: '修改', changed: '修改', serviceStartDate: '入职日期',
  ratingId: '评价', caseId: '办件', petitionId: '信访事项', violationId: '监察记录', applicantId: '网上办事账号',
};
/** The fields of 立卷归档's entries (archive.file, archive.check, archive.retention), in words. */
const ARCHIVE_FIELDS: Record<string, string> = {
  orgName: '中心', archiveNo: '档号', caseNo: '办件编号', itemCode: '事项编码', itemName: '事项', period: '保管期限',
  fileCount: '文件数', totalBytes: '总字节数', manifestSha256: '清单摘要', ok: '检测结果', problems: '发现的问题',
};
const periodName = (value: unknown) => RETENTION_NAMES[value as RetentionPeriod] ?? String(value);

/** An archive entry's fields in words: periods by their names, the check's result as 通过/不一致. */
function archiveText(d: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(d)) {
    const label = ARCHIVE_FIELDS[key];
    if (!label || value === undefined || value === null) continue;
    let text: string;
    if (key === 'period') text = periodName(value);
    else if (key === 'ok') text = value ? '通过' : '不一致';
    else if (key === 'problems') text = Array.isArray(value) ? (value.length > 0 ? value.map(String).join('；') : '（无）') : String(value);
    else text = String(value);
    parts.push(`${label}：${text}`);
  }
  // a change of the 保管期限表: the old period (the default when the center had not set it) and the new
  if ('to' in d) parts.push(`保管期限：${d.from === null || d.from === undefined ? '默认' : periodName(d.from)}${d.fromDefault ? '（默认）' : ''}改为 ${periodName(d.to)}`);
  return parts.join('，');
}

/** Bookkeeping of the request, not what was done. */
const SKIPPED_FIELDS = new Set(['expectedVersion', 'idempotencyKey']);

function valueText(names: AuditNames, key: string, value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (isId(value)) {
    if (PERSON_KEYS.has(key)) return personText(names, value);
    if (ORG_KEYS.has(key)) return orgText(names, value);
    if (WINDOW_KEYS.has(key)) return windowText(names, value);
  }
  if ((key === 'roles' || key === 'role') && (Array.isArray(value) || typeof value === 'string')) {
    return rolesText(Array.isArray(value) ? value : [value]);
  }
  if (Array.isArray(value)) return value.map((v) => valueText(names, key, v)).join('、') || '（无）';
  if (typeof value === 'object') return fieldsText(names, value as Record<string, unknown>) || '（无）';
  return String(value);
}

function fieldsText(names: AuditNames, d: Record<string, unknown>): string {
  return Object.entries(d)
    // a field with no value says nothing ("办件：（空）" for a return before any case existed)
    .filter(([key, value]) => !SKIPPED_FIELDS.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${FIELD_NAMES[key] ?? key}：${valueText(names, key, value)}`)
    .join('，');
}

/** 修改人员账号 and 修改窗口: each field changed, in words (a version number is bookkeeping, not a change). */
function changesText(names: AuditNames, d: Record<string, unknown>, labels: Record<string, string>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (SKIPPED_FIELDS.has(key) || value === undefined) continue;
    if (key === 'active') parts.push(value ? '启用' : '停用');
    else if (key === 'phone') parts.push(value ? '修改联系电话' : '删除联系电话');
    else if (value === null) parts.push(`取消${labels[key] ?? FIELD_NAMES[key] ?? key}`);
    else parts.push(`${labels[key] ?? FIELD_NAMES[key] ?? key}改为 ${valueText(names, key, value)}`);
  }
  return parts.length ? parts.join('，') : '未改动内容';
}

const USER_CHANGES: Record<string, string> = { name: '姓名', roles: '角色', orgId: '机构', serviceStartDate: '入职日期' };
const WINDOW_CHANGES: Record<string, string> = { name: '名称', department: '科室', postAUserId: 'A岗', postBUserId: 'B岗' };

/** The codes a refusal answers with, for entries recorded before the refusal's own words were kept. */
const REFUSAL_CODES: Record<string, string> = {
  FORBIDDEN: '没有相应权限',
  SEPARATION_OF_DUTIES: '按三员分立不能办理',
  PASSWORD_CHANGE_REQUIRED: '须先把管理员设置的密码改为自己的密码',
};
/** Refused account actions whose duty the path tells (entries recorded before the refusal's words were kept). */
const ACCOUNT_ROUTES: [RegExp, AccountAction][] = [
  [/^POST \/api\/users$/, 'create'],
  [/^POST \/api\/users\/[^/]+\/password$/, 'resetPassword'],
  [/^POST \/api\/users\/[^/]+\/unlock$/, 'unlock'],
];

/** Why a request was refused: its own words (without the "您"), or for older entries what the code and path tell. */
function refusalReason(method: string, path: string, code: string | null, title: unknown): string {
  if (typeof title === 'string' && title) {
    const sentence = title.split('。')[0]!;
    // "您没有解除账号锁定的权限：按三员分立，这项工作由安全管理员办理。": what was tried is named already; the rest is why
    const lacking = /^您没有(.+?)的权限[：。]?(.*)$/.exec(title.replace(/。$/, ''));
    if (lacking) return /^(按三员分立|这项工作由)/.test(lacking[2]!) ? lacking[2]! : `没有${lacking[1]!}的权限`;
    // the 三员 accounts' own refusals: the first clause says it, the rest tells the refused person what to do
    if (/^(三员分立：|系统管理员、安全管理员、审计管理员)/.test(sentence)) return sentence.split('，')[0]!;
    return sentence.replace(/^您/, '');
  }
  if (code === 'SEPARATION_OF_DUTIES') {
    const duty = ACCOUNT_ROUTES.find(([re]) => re.test(`${method} ${path}`))?.[1];
    if (duty) return `按三员分立须由${rolesText(STAFF_ACCOUNT_DUTIES[duty])}办理`;
  }
  return code ? (REFUSAL_CODES[code] ?? code) : '没有相应权限';
}

/** A route's summary as the name of what was tried: its closing remark in brackets is for the API reader. */
const requestName = (names: AuditNames, method: string, path: string) =>
  names.request?.(method, path)?.replace(/（[^（）]*）$/, '') ?? `${method} ${path}`;

function lockedUntilText(entry: AuditEntryView, d: Record<string, unknown>, names: AuditNames): string {
  const tz = names.timeZone ?? 'Asia/Shanghai';
  const until = typeof d.until === 'string' ? new Date(d.until) : entry.at && names.lockMinutes ? new Date(Date.parse(entry.at) + names.lockMinutes * 60_000) : null;
  return until && !Number.isNaN(until.getTime()) ? `，锁定至 ${localTime(until, tz)}` : '，账号被锁定';
}

/**
 * An entry's content in words, with names instead of ids: the auditor's screen and the exported workbook say the
 * same (both call this with the names of the entries they show). Entries without a sentence of their own list
 * their fields in words; personal data in them was masked when they were written, and stays so.
 */
export function auditDetailText(entry: AuditEntryView, names: AuditNames = {}): string {
  const d = (entry.detail && typeof entry.detail === 'object' && !Array.isArray(entry.detail) ? entry.detail : {}) as Record<string, unknown>;
  const target = entry.targetId;
  switch (entry.action) {
    case 'auth.failed':
      return `用户名 ${String(d.username)}：${FAILED_LOGIN_REASONS[String(d.reason)] ?? String(d.reason)}${d.purpose === 'change' ? '（修改密码时）' : ''}`;
    case 'auth.locked':
      return `用户名 ${String(d.username)} 连续输错密码${lockedUntilText(entry, d, names)}`;
    case 'http.forbidden': {
      const method = String(d.method ?? '');
      const path = String(d.path ?? '');
      return `被拒绝：${requestName(names, method, path)}（${refusalReason(method, path, typeof d.code === 'string' ? d.code : null, d.title)}）`;
    }
    case 'user.create': {
      const name = target ? names.person?.(target)?.name : undefined;
      const org = typeof d.orgId === 'string' ? `，机构：${orgText(names, d.orgId)}` : '';
      return `新建人员账号 ${String(d.username)}${name ? `（${name}）` : ''}，角色：${rolesText(d.roles)}${org}`;
    }
    case 'user.createAdmin':
      return `命令行建立${rolesText([d.role])}账号 ${String(d.username)}`;
    case 'user.update':
      return `修改 ${personText(names, target)}：${changesText(names, d, USER_CHANGES)}`;
    case 'user.resetPassword':
      return `重置 ${personText(names, target)}的密码`;
    case 'user.resetPasswordCli':
      return `命令行重置 ${target && names.person?.(target) ? personText(names, target) : `用户名 ${String(d.username)}`}的密码`;
    case 'user.unlock':
      return `解除 ${personText(names, target)}的锁定`;
    case 'user.photo':
      return `上传 ${personText(names, target)}的照片`;
    case 'user.photoRemove':
      return `删除 ${personText(names, target)}的照片`;
    case 'window.create':
      return target ? `新建窗口 ${windowText(names, target)}` : '新建窗口';
    case 'window.update':
      return `${target ? `${windowText(names, target)}：` : ''}${changesText(names, d, WINDOW_CHANGES)}`;
    case 'catalog.import': {
      const refused = Number(d.refused ?? 0);
      return `导入 ${String(d.file ?? '事项目录')}：共 ${String(d.rows)} 行${refused ? `，其中 ${refused} 行有误未导入` : '，全部导入'}`;
    }
    case 'applicant.codeSent':
      return `向 ${String(d.phone)} 发送${purposeText(d.purpose)}验证码`;
    case 'applicant.codeFailed':
      return `手机号码 ${String(d.phone)} ${purposeText(d.purpose)}验证码输错${d.attempt ? `（第 ${String(d.attempt)} 次）` : ''}`;
    case 'applicant.failed':
      return `手机号码 ${String(d.phone)}：${FAILED_LOGIN_REASONS[String(d.reason)] ?? String(d.reason)}`;
    case 'applicant.locked':
      return `手机号码 ${String(d.phone)} 连续输错密码${lockedUntilText(entry, d, { ...names, lockMinutes: undefined })}`;
    case 'archive.file':
    case 'archive.check':
    case 'archive.retention':
      return archiveText(d);
    case 'applicant.login':
    case 'applicant.register':
    case 'applicant.passwordReset':
      return `手机号码 ${String(d.phone)}`;
  }
  if (entry.action.startsWith('export.')) {
    const q = Object.entries((d.query ?? {}) as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
    return q.length ? `筛选：${q.join('，')}` : '全部';
  }
  if (entry.detail === null || entry.detail === undefined || (typeof entry.detail === 'object' && Object.keys(d).length === 0 && !Array.isArray(entry.detail))) {
    // a sign-in or sign-out of one's own: the 人员 and 操作 columns say it all
    if (entry.targetType === 'user' && target === entry.userId) return '—';
    if (!target) return '—';
    if (entry.targetType === 'user') return personText(names, target);
    if (entry.targetType === 'org') return orgText(names, target);
    if (entry.targetType === 'window') return windowText(names, target);
    return `${auditTargetName(entry.targetType)} ${target}`;
  }
  if (typeof entry.detail !== 'object') return String(entry.detail);
  const subject = target && entry.targetType === 'user' ? `${personText(names, target)}：` : target && entry.targetType === 'org' ? `${orgText(names, target)}：` : target && entry.targetType === 'window' ? `${windowText(names, target)}：` : '';
  return `${subject}${Array.isArray(entry.detail) ? valueText(names, '', entry.detail) : fieldsText(names, d)}`;
}

/** The most entries one Excel export of the log carries: months of a county's log; more is slow to build and to open in WPS. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;

/** Why an export of `total` entries is refused, and what to do instead. */
export const auditExportTooLarge = (total: number, max: number): string =>
  `符合条件的审计记录有 ${total} 条，一次最多导出 ${max} 条。请缩小日期范围（或选定操作类型、人员）后分几次导出。`;
