/**
 * The message templates (DOMAIN.md "Notifications"): every SMS and in-app message is rendered from one of these, in
 * Chinese, and the rendered text is what the outbox stores and every screen shows. Templates are data: an
 * administrator reads them (GET /api/notifications/templates); an SMS provider approves its own copy of each text
 * under a template code of its own, configured per template (`providerSetting`, an environment variable or the
 * setting of the same name). Pure: no I/O.
 */
import { localDate, localTime } from '../calendar/office-hours.js';
import { progressUrlAt } from '../papers/progress-url.js';

export const MESSAGE_CHANNELS = ['sms', 'inbox'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Who a template is written for: the applicant (群众) or the staff (工作人员、中心主任、纪检监察员). */
export type Audience = 'applicant' | 'staff';

export interface MessageTemplate {
  code: string;
  name: string;
  audience: Audience;
  /** the channels it may be sent on */
  channels: readonly MessageChannel[];
  /** the text with {slot}s; every slot is a parameter the sender must fill */
  text: string;
  /** when it is sent, for the administrator's page */
  when: string;
  /** the name of the environment variable (or setting) holding the provider's template code for the SMS */
  providerSetting: string;
  /** a link to a public page the sender adds when the public address is known (`TemplateLink`) */
  link?: TemplateLink;
}

/**
 * A link to a public page, added by the sender (src/modules/notifications/send.ts), which knows the public address
 * (PUBLIC_URL or the settings page); the step that writes the message — a case's acceptance deep in the case
 * pipeline — does not. Its slot is the text's last, so nothing follows the address: a phone that takes a 。 or ）
 * after a link into it opens a page that does not exist. Without an address the slot says how to find the page.
 */
export interface TemplateLink {
  slot: string;
  /** the page's address at the deployment's public address */
  url: (publicUrl: string, params: Readonly<Record<string, string>>) => string;
  /** what the slot says with the address (which it ends with) */
  withUrl: (url: string) => string;
  /** what it says without one */
  without: string;
}

const providerSettingOf = (code: string) => `SMS_TEMPLATE_${code.toUpperCase().replaceAll('-', '_')}`;

const template = <C extends string>(t: Omit<MessageTemplate, 'providerSetting'> & { code: C }): MessageTemplate & { code: C } => ({
  ...t,
  providerSetting: providerSettingOf(t.code),
});

export const TEMPLATES = [
  template({
    code: 'case-accepted',
    name: '受理通知',
    audience: 'applicant',
    channels: ['sms'],
    when: '办件受理（当场受理、补齐材料后受理、网上申请预审通过后受理）时发给申请人；即办件申请人在场当场办结的，不发。设置了公网地址的，末尾附办件进度查询链接（已填好办件编号）',
    text: '{center}：您申请的“{item}”已受理，办件编号{caseNo}，承诺于{dueAt}前办结{provisional}。{progress}',
    // the progress page opens with the case number filled in: the applicant types only the phone's last four digits
    link: {
      slot: 'progress',
      url: (publicUrl, params) => progressUrlAt(publicUrl, params.caseNo ?? ''),
      withUrl: (url) => `凭电话后四位查进度：${url}`,
      without: '可凭办件编号和电话后四位查询办理进度。',
    },
  }),
  template({
    code: 'supplement-notice',
    name: '一次性补正告知',
    audience: 'applicant',
    channels: ['sms'],
    when: '出具一次性告知书（或已告知后发现材料有缺陷需重新提供）时发给申请人',
    text: '{center}：您申请的“{item}”（办件编号{caseNo}）需补正以下材料：{materials}。请备齐后到{center}提交，材料补齐后即继续办理。',
  }),
  template({
    code: 'supplement-received',
    name: '补正材料已收齐',
    audience: 'applicant',
    channels: ['sms'],
    when: '已受理的办件补齐材料、恢复计时后发给申请人',
    text: '{center}：您的办件{caseNo}（{item}）补正材料已收齐，继续办理，承诺于{dueAt}前办结{provisional}。',
  }),
  template({
    code: 'extension-approved',
    name: '延期办理通知',
    audience: 'applicant',
    channels: ['sms'],
    when: '中心主任批准延期后发给申请人',
    text: '{center}：您的办件{caseNo}（{item}）经批准延期办理，办结时间由{previousDueAt}延至{dueAt}{provisional}。',
  }),
  template({
    code: 'due-date-changed',
    name: '办结时间调整通知',
    audience: 'applicant',
    channels: ['sms'],
    when: '导入国务院公布的节假日安排后，暂定的办结时间重新计算并有变化时发给申请人',
    text: '{center}：按国务院公布的节假日安排重新计算，您的办件{caseNo}（{item}）承诺办结时间由{previousDueAt}调整为{dueAt}{provisional}。',
  }),
  template({
    code: 'case-completed',
    name: '办结取件通知',
    audience: 'applicant',
    channels: ['sms'],
    when: '办件办结时发给申请人',
    text: '{center}：您申请的“{item}”（办件编号{caseNo}）已办结，结果：{outcome}。{pickup}',
  }),
  template({
    code: 'case-returned',
    name: '退回通知',
    audience: 'applicant',
    channels: ['sms'],
    when: '受理后退回办件时发给申请人（收件时当场退回的，申请人在场，不发）',
    text: '{center}：您申请的“{item}”（办件编号{caseNo}）已退回，原因：{reasons}。如有疑问请到{center}咨询。',
  }),
  template({
    code: 'rating-invitation',
    name: '服务评价邀请',
    audience: 'applicant',
    channels: ['sms'],
    when: '办结后 3 天仍未评价时发给申请人（好差评）',
    text: '{center}：您的办件{caseNo}（{item}）已办结，欢迎对本次服务作出评价：{link}',
  }),
  template({
    code: 'light-yellow',
    name: '黄灯预警',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '办件亮黄灯时发给承办人和中心主任（站内消息和短信）',
    text: '黄灯预警：{center}的办件{caseNo}（{item}）将于{dueAt}到期，请抓紧办理。',
  }),
  template({
    code: 'light-red',
    name: '红灯警告',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '办件亮红灯（超过承诺办结时间）时发给承办人和中心主任（站内消息和短信）',
    text: '红灯警告：{center}的办件{caseNo}（{item}）已超过承诺办结时间{dueAt}，请立即办理并说明原因。',
  }),
  template({
    code: 'supervision-card-issued',
    name: '督办单送达',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '纪检监察员发出督办单时发给被督办中心的主任',
    text: '{org}：纪检监察员对{subject}发出{level}督办单，请于{replyBy}前回告',
  }),
  template({
    code: 'supervision-card-replied',
    name: '督办单已回告',
    audience: 'staff',
    channels: ['inbox'],
    when: '中心回告督办单后发给发出督办单的纪检监察员',
    text: '{org}已对{subject}的{level}督办单回告：{reply}',
  }),
  template({
    code: 'supervision-card-raised',
    name: '督办单升级',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '纪检监察员将督办单升级时发给被督办中心的主任',
    text: '{org}：纪检监察员将对{subject}的督办单升级为{level}督办单，请于{replyBy}前回告',
  }),
  template({
    code: 'complaint-registered',
    name: '投诉登记回执',
    audience: 'applicant',
    channels: ['sms'],
    when: '登记投诉（窗口、电话、书面、网上、差评、12345 转办）时发给投诉人',
    text: '{center}：您的投诉“{title}”已登记，投诉编号{complaintNo}，查询码{queryCode}，将于{dueDate}前答复。可凭编号和查询码在网上查询办理情况。',
  }),
  template({
    code: 'complaint-extended',
    name: '投诉延期告知',
    audience: 'applicant',
    channels: ['sms'],
    when: '中心对投诉延期办理时发给投诉人',
    text: '{center}：您的投诉（编号{complaintNo}）因{reason}需延期办理，答复时间延至{dueDate}。',
  }),
  template({
    code: 'complaint-answered',
    name: '投诉答复',
    audience: 'applicant',
    channels: ['sms'],
    when: '中心反馈投诉处理结果时发给投诉人（并单的各投诉人）',
    text: '{center}答复您的投诉（编号{complaintNo}）：{answer}{more}',
  }),
  template({
    code: 'complaint-reminder',
    name: '投诉催办',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '投诉超过答复时限的次日发给承办人和中心主任（只发一次）',
    text: '催办：{center}的投诉{complaintNo}（{title}）已超过答复时限{dueDate}，请立即办理并答复投诉人。',
  }),
  template({
    code: 'consultation-answered',
    name: '咨询答复',
    audience: 'applicant',
    channels: ['sms'],
    when: '中心答复网上咨询（或登记后待答复的电话咨询）时发给咨询人',
    text: '{center}答复您的咨询（编号{consultationNo}）：{answer}{more}',
  }),
  template({
    code: 'rating-work-order-opened',
    name: '差评整改工单',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '群众作出差评、生成整改工单时发给责任中心的主任和责任人',
    text: '{center}收到差评：办件{caseNo}（{item}），评价“{level}”。整改工单{workOrderNo}：请于{visitDue}前回访核实，{fixDue}前完成整改。',
  }),
  template({
    code: 'rating-work-order-warning',
    name: '差评整改预警',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '差评整改工单的回访核实或整改到期前一个工作日（黄灯）和超期时（红灯）发给责任中心的主任和责任人',
    text: '{light}：整改工单{workOrderNo}（办件{caseNo}）的{step}{when}，请立即办理。',
  }),
  template({
    code: 'rating-fix-outcome',
    name: '差评整改结果告知',
    audience: 'applicant',
    channels: ['sms'],
    when: '差评整改完成后发给评价人，附评价整改结果的链接',
    text: '{center}：您对办件{caseNo}（{item}）的评价已核实整改：{outcome}。欢迎对整改结果评价：{link}',
  }),
  template({
    code: 'petition-flagged',
    name: '集体访、紧急信访报告',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '登记集体访（5人以上）或紧急信访时，立即发给中心的带班领导和中心主任（站内消息和短信；不含信访人个人信息）',
    text: '{center}：登记{kind}，编号{petitionNo}，反映：{issue}。请领导及时接待处理。',
  }),
  template({
    code: 'petition-clock-yellow',
    name: '信访时限黄灯',
    audience: 'staff',
    channels: ['inbox'],
    when: '信访事项的时限（3日答复、一周内领导接待、15日告知受理、60日办结、复查复核）临近时发给登记人和中心主任',
    text: '黄灯提醒：{center}的信访事项{petitionNo}“{clock}”将于{dueOn}到期，请抓紧办理。',
  }),
  template({
    code: 'petition-clock-red',
    name: '信访时限红灯',
    audience: 'staff',
    channels: ['inbox', 'sms'],
    when: '信访事项的时限已过仍未办结时发给登记人和中心主任（站内消息和短信）',
    text: '红灯警告：{center}的信访事项{petitionNo}“{clock}”已于{dueOn}到期，请立即办理。',
  }),
  template({
    code: 'application-submitted',
    name: '网上申请提交回执',
    audience: 'applicant',
    channels: ['sms'],
    when: '群众在网上办事大厅提交申请（或按告知补正后重新提交）时发给申请人',
    text: '{center}：您网上申请的“{item}”已提交，申请编号{applicationNo}，窗口将于{dueAt}前完成预审。可登录网上办事大厅“我的办件”查看。',
  }),
  template({
    code: 'application-supplement',
    name: '网上申请补正告知',
    audience: 'applicant',
    channels: ['sms'],
    when: '窗口预审后一次性告知需要补正的材料时发给申请人',
    text: '{center}：您网上申请的“{item}”（编号{applicationNo}）需补正以下材料：{materials}。请登录网上办事大厅“我的办件”上传后重新提交。',
  }),
  template({
    code: 'application-returned',
    name: '网上申请退回告知',
    audience: 'applicant',
    channels: ['sms'],
    when: '窗口预审后退回网上申请时发给申请人',
    text: '{center}：您网上申请的“{item}”（编号{applicationNo}）未能受理：{reason}。详情请登录网上办事大厅“我的办件”查看，或致电{phone}咨询。',
  }),
  // The same three for an applicant whose account a third party's platform made through Open311 and who has not set a
  // password yet (applicants/open311-account.ts): "登录" alone sends them to a sign-in that burns an attempt.
  template({
    code: 'application-submitted-unclaimed',
    name: '网上申请提交回执（第三方平台代建、尚未设置密码的账号）',
    audience: 'applicant',
    channels: ['sms'],
    when: '经 Open311 接口代为提交的申请，申请人的账号由系统代建、还没有设置密码时，代替“网上申请提交回执”发给申请人',
    text: '{center}：您网上申请的“{item}”已提交，申请编号{applicationNo}，窗口将于{dueAt}前完成预审。可登录网上办事大厅“我的办件”查看，首次登录请先点“找回密码”设置密码。',
  }),
  template({
    code: 'application-supplement-unclaimed',
    name: '网上申请补正告知（第三方平台代建、尚未设置密码的账号）',
    audience: 'applicant',
    channels: ['sms'],
    when: '预审一次性告知补正时，申请人的账号由 Open311 接口代建、还没有设置密码的，代替“网上申请补正告知”发给申请人',
    text: '{center}：您网上申请的“{item}”（编号{applicationNo}）需补正以下材料：{materials}。请登录网上办事大厅“我的办件”上传后重新提交，首次登录请先点“找回密码”设置密码。',
  }),
  template({
    code: 'application-returned-unclaimed',
    name: '网上申请退回告知（第三方平台代建、尚未设置密码的账号）',
    audience: 'applicant',
    channels: ['sms'],
    when: '预审退回时，申请人的账号由 Open311 接口代建、还没有设置密码的，代替“网上申请退回告知”发给申请人',
    text: '{center}：您网上申请的“{item}”（编号{applicationNo}）未能受理：{reason}。详情请登录网上办事大厅“我的办件”查看（首次登录请先点“找回密码”设置密码），或致电{phone}咨询。',
  }),
  template({
    code: 'applicant-code',
    name: '网上办事验证码',
    audience: 'applicant',
    channels: ['sms'],
    when: '群众在网上办事大厅注册账号或找回密码、点“获取验证码”时发给所填手机（未配置短信通道时，系统管理员可在“短信记录”中看到全文，代为告知本人）',
    text: '您正在网上办事大厅{purpose}，验证码{code}，{minutes}分钟内有效。验证码只用于本人操作，请勿告诉他人。',
  }),
  template({
    code: 'hall-position',
    name: '排队即将轮到',
    audience: 'applicant',
    channels: ['sms'],
    when: '在大厅取号时留了手机号的群众，前面只剩设定的人数（默认 3 人）时发一次',
    text: '{center}：您的{number}号（{service}）前面还有{ahead}人，即将轮到您，请回到大厅留意叫号；过号后请到窗口说明。',
  }),
  template({
    code: 'duty-roster-reminder',
    name: '带班值班表发布提醒',
    audience: 'staff',
    channels: ['inbox'],
    when: '每月20日起，下月领导带班值班表还没有发布时，每天提醒中心主任一次，直到发布',
    text: '{center}{month}的领导带班值班表还没有发布，请在“大厅管理 › 带班值班表”中排好每个工作日的带班领导并于月底前发布。',
  }),
  template({
    code: 'appointment-booked',
    name: '预约成功',
    audience: 'applicant',
    channels: ['sms'],
    when: '群众网上预约、窗口代电话预约或村代办员代为预约成功时发给预约的手机',
    text: '{center}：您已预约{day}（{weekday}）{start}-{end}的“{service}”，签到码{code}。请当天到大厅取号机输入签到码取号（优先叫号）；不能来的请提前取消。',
  }),
  template({
    code: 'appointment-reminder',
    name: '预约提醒',
    audience: 'applicant',
    channels: ['sms'],
    when: '预约日的前一天发给预约的手机（每个预约一次）',
    text: '{center}提醒：您预约了明天{day}（{weekday}）{start}-{end}的“{service}”，签到码{code}。请按时到大厅签到；不能来的请提前取消。',
  }),
  template({
    code: 'appointment-cancelled',
    name: '预约已取消',
    audience: 'applicant',
    channels: ['sms'],
    when: '预约被本人或窗口取消时发给预约的手机',
    text: '{center}：您预约的{day} {start}—{end}“{service}”已取消。如需办理，可重新预约或当天到大厅取号。',
  }),
  template({
    code: 'leave-requested',
    name: '请假待审批',
    audience: 'staff',
    channels: ['inbox'],
    when: '工作人员提交请假申请时发给本中心主任',
    text: '{name}申请{kind}：{period}，共{days}天。请在“大厅管理 › 请假”中审批。',
  }),
  template({
    code: 'leave-decided',
    name: '请假审批结果',
    audience: 'staff',
    channels: ['inbox'],
    when: '中心主任批准或不批准请假时发给申请人',
    text: '您的{kind}申请（{period}）{result}{reason}',
  }),
  template({
    code: 'monthly-report-reminder',
    name: '月报报送提醒',
    audience: 'staff',
    channels: ['inbox'],
    when: '月报报送截止日前两天起，每天提醒还没有报送的村代办员或中心主任一次，直到报送',
    text: '{center}{month}的月度统计报表请于{due}前报送{upper}（{state}）。请在“统计考核 › 月度统计报表”中核对后报送。',
  }),
  template({
    code: 'promise-check-reminder',
    name: '告知承诺核查提醒',
    audience: 'staff',
    channels: ['inbox'],
    when: '告知承诺材料核查期限前三天起，每天提醒受理中心的主任一次，直到登记核查结果',
    text: '{center}有{count}项告知承诺材料待核查{overdue}，办件：{cases}。请在办件页“告知承诺材料”中登记核查结果。',
  }),
  template({
    code: 'standards-gap-reminder',
    name: '标准化建设整改提醒',
    audience: 'staff',
    channels: ['inbox'],
    when: '整改期限前三天起，每天提醒还有整改项未完成的村代办员或乡镇中心主任一次，直到写明整改情况',
    text: '{center}标准化建设还有{count}项整改未完成，{due}。请在“统计考核 › 标准化建设”中写明整改情况并上传整改照片。',
  }),
  template({
    code: 'monthly-report-submitted',
    name: '下级月报已报送',
    audience: 'staff',
    channels: ['inbox'],
    when: '村或乡镇报送（含更正后重新报送）月报时发给上级中心主任',
    text: '{center}已报送{month}的月度统计报表{version}。请在“统计考核 › 月度统计报表”的下级报送情况中查看，有问题可退回并写明意见。',
  }),
  template({
    code: 'monthly-report-returned',
    name: '月报被退回',
    audience: 'staff',
    channels: ['inbox'],
    when: '上级退回月报时发给报送单位的村代办员或中心主任',
    text: '{center}{month}的月度统计报表被{upper}退回：{comment}。请在“统计考核 › 月度统计报表”中更正后重新报送。',
  }),
] as const;

export type TemplateCode = (typeof TEMPLATES)[number]['code'];
export const TEMPLATE_CODES = TEMPLATES.map((t) => t.code) as TemplateCode[];

const BY_CODE = new Map<string, MessageTemplate>(TEMPLATES.map((t) => [t.code, t]));

export const templateOf = (code: string): MessageTemplate | undefined => BY_CODE.get(code);
export const isTemplateCode = (code: string): code is TemplateCode => BY_CODE.has(code);

const SLOT = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The parameters a text asks for, in order of first appearance. */
export const slotsOf = (text: string): string[] => [...new Set([...text.matchAll(SLOT)].map((m) => m[1]!))];

/**
 * The text of a message: every {slot} replaced by its parameter. A missing parameter is a programming error of
 * the sender (never a user's): it throws rather than send "{caseNo}" to a villager. Values are inserted as they are
 * (a value that itself contains "{x}" is not expanded again). A link's slot left out says the text without the
 * address (the sender fills it in with `withLink`).
 */
export function renderTemplate(code: TemplateCode, params: Readonly<Record<string, string>>): string {
  const t = BY_CODE.get(code);
  if (!t) throw new Error(`unknown message template ${code}`);
  const filled = t.link && typeof params[t.link.slot] !== 'string' ? { ...params, [t.link.slot]: t.link.without } : params;
  const missing = slotsOf(t.text).filter((slot) => typeof filled[slot] !== 'string');
  if (missing.length > 0) throw new Error(`message template ${code} needs ${missing.join(', ')}`);
  return t.text.replace(SLOT, (_all, slot: string) => filled[slot]!);
}

/**
 * The parameters with the template's link filled in at the public address; unchanged for a template without a
 * link, or when no address is set (the text then says how to find the page without one).
 */
export function withLink(code: string, params: Readonly<Record<string, string>>, publicUrl: string | null): Record<string, string> {
  const link = BY_CODE.get(code)?.link;
  if (!link || !publicUrl) return { ...params };
  return { ...params, [link.slot]: link.withUrl(link.url(publicUrl, params)) };
}

/**
 * How many SMS a text is billed as: one of up to 70 characters, else segments of 67 (the operators' rule for
 * Chinese text; a character outside the BMP counts two).
 */
export const smsSegments = (text: string): number => (text.length <= 70 ? 1 : Math.ceil(text.length / 67));

/** A moment as a message says it, on the center's wall clock: 2026年3月16日17:30. */
export function messageTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const [y, m, d] = localDate(instant, timeZone).split('-');
  return `${y}年${Number(m)}月${Number(d)}日${localTime(instant, timeZone)}`;
}

/** A day as a message says it: 2026-12-08 → 12月8日 (a booking is days ahead: the year goes without saying). */
export function messageDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/**
 * A clerk's text set into a template before the template's own 。: its trailing full stops and semicolons go, so
 * "…范围内。" does not print "…范围内。。详情…".
 */
export const asClause = (text: string): string => text.trim().replace(/[。；;.，,、\s]+$/u, '');

/** Said after a due date counted through a year whose official arrangement is not loaded yet (rule 3). */
export const PROVISIONAL_NOTE = '（暂定，以国务院公布的节假日安排为准）';
