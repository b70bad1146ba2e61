import {
  AlertOutlined,
  CarryOutOutlined,
  CalculatorOutlined,
  EnvironmentOutlined,
  ApiOutlined,
  ExclamationCircleOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  QuestionCircleOutlined,
  FormOutlined,
  SolutionOutlined,
  ClockCircleOutlined,
  ClusterOutlined,
  ContainerOutlined,
  DesktopOutlined,
  FileAddOutlined,
  BellOutlined,
  MessageOutlined,
  NotificationOutlined,
  SnippetsOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HomeOutlined,
  InboxOutlined,
  LikeOutlined,
  TabletOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  UserSwitchOutlined,
  SoundOutlined,
  ScheduleOutlined,
  AppstoreOutlined,
  LineChartOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can, type Permission } from '@/lib/authorization';

export interface NavItem {
  path: '/hall/queue' | '/hall/services' | '/hall/figures' | '/hall/whereabouts' | '/hall/attendance' | '/hall/leaves' | '/hall/appointments' | '/hall/duty-roster' | '/hall/receptions' | '/hall/office-days' | '/evaluations' | '/evaluations/pads' | '/evaluations/work-orders' | '/evaluations/appeals' | '/evaluations/figures' | '/complaints' | '/complaints/new' | '/complaints/limits' | '/evaluations/settings' | '/petitions/settings' | '/' | '/work' | '/presence' | '/cases/new' | '/cases' | '/applications' | '/villages' | '/catalog' | '/catalog/import' | '/orgs' | '/users' | '/windows' | '/calendar' | '/settings' | '/audit' | '/jobs' | '/supervision/cards' | '/supervision/violations' | '/supervision/report' | '/reports/monthly' | '/assessment' | '/assessment/rules' | '/awards' | '/awards/settings' | '/supervision/rules' | '/messages' | '/notifications/outbox' | '/notifications/templates' | '/open311/keys' | '/consultations/new' | '/consultations' | '/consultations/pending' | '/consultations/faq' | '/petitions' | '/petitions/new' | '/notices' | '/standards' | '/standards/checklists' | '/archive';
  label: string;
  icon: ReactNode;
  /** One line for the quick links on the 工作台. */
  description: string;
  permission?: Permission;
  /** the heading it stands under in the menu; none: at the top (工作台, 我的工作, 我的消息) */
  group?: NavGroup;
}

/** The menu's headings, in order: a long menu read as a few short lists (适老化: every entry stays in sight). */
export const NAV_GROUPS = ['办件服务', '大厅管理', '群众诉求', '好差评', '电子监察', '统计考核', '基础数据', '系统管理'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The console menu; each entry shows only to the roles that may use the page. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, description: '我的信息和常用功能' },
  { path: '/work', label: '我的工作', icon: <InboxOutlined />, description: '在办、今日到期、待补正、待接收的办件', permission: 'cases.handle' },
  { path: '/messages', label: '我的消息', icon: <BellOutlined />, description: '亮灯预警、督办单等发给我的站内消息' },
  { path: '/presence', label: '在岗登记', icon: <UserSwitchOutlined />, description: '离岗、返岗登记（AB岗），查看顶岗办理的办件', permission: 'cases.handle', group: '办件服务' },
  { path: '/cases/new', label: '受理登记', icon: <FileAddOutlined />, description: '登记群众的办事申请，当场判定办件类型', permission: 'cases.handle', group: '办件服务' },
  { path: '/applications', label: '网上申请预审', icon: <CloudUploadOutlined />, description: '群众网上提交的申请：1 个工作日内预审，受理、一次性告知或退回', permission: 'applications.review', group: '办件服务' },
  { path: '/cases', label: '办件台账', icon: <FileSearchOutlined />, description: '查询、筛选全部办件，导出 Excel', permission: 'cases.read', group: '办件服务' },
  { path: '/villages', label: '村级代办', icon: <ClusterOutlined />, description: '村级报送批次的接收、转报超时和村级统计', permission: 'cases.read', group: '办件服务' },
  { path: '/archive', label: '档案管理', icon: <ContainerOutlined />, description: '办结办件的电子案卷：卷内目录、完整性检测、归档登记表和保管期限表', permission: 'archive.read', group: '办件服务' },
  { path: '/hall/queue', label: '叫号', icon: <SoundOutlined />, description: '叫下一位群众到本窗口，重呼、过号、转移，开始办理进入受理登记', permission: 'hall.call', group: '大厅管理' },
  { path: '/hall/appointments', label: '预约管理', icon: <CalendarOutlined />, description: '当天预约签到取号、电话代约、取消；中心主任设置预约时段、查看爽约统计', permission: 'appointments.window', group: '大厅管理' },
  { path: '/hall/whereabouts', label: '去向公示', icon: <EnvironmentOutlined />, description: '本中心人员在岗、下村、开会、请假、出差的去向，本人或主任设置', permission: 'attendance.sign', group: '大厅管理' },
  { path: '/hall/attendance', label: '考勤签到', icon: <FieldTimeOutlined />, description: '上下班签到签退，按月统计出勤、迟到早退、请假和缺勤，导出 Excel', permission: 'attendance.sign', group: '大厅管理' },
  { path: '/hall/leaves', label: '请假', icon: <CarryOutOutlined />, description: '提交请假申请，主任审批；假期自动登记去向，窗口由 B 岗顶岗', permission: 'attendance.sign', group: '大厅管理' },
  { path: '/hall/duty-roster', label: '带班值班表', icon: <ScheduleOutlined />, description: '排下个月每个工作日的带班领导，月底前发布，调整留痕', permission: 'duty.manage', group: '大厅管理' },
  { path: '/hall/receptions', label: '领导接待', icon: <SolutionOutlined />, description: '带班领导登记接待来访群众，关联或登记信访事项', permission: 'duty.receive', group: '大厅管理' },
  { path: '/hall/office-days', label: '村固定办公日', icon: <CalendarOutlined />, description: '设置各村便民服务室每周固定的办公日，群众在网上可以看到', permission: 'duty.office-day', group: '大厅管理' },
  { path: '/hall/services', label: '大厅服务设置', icon: <AppstoreOutlined />, description: '设置大厅的取号服务：服务代码、名称、叫号窗口和对应事项，以及过号、短信提醒等排队规则', permission: 'hall.manage', group: '大厅管理' },
  { path: '/hall/figures', label: '排队统计', icon: <LineChartOutlined />, description: '按服务、窗口、时段统计等候和办理时间，以及未办理就离开的人数', permission: 'hall.manage', group: '大厅管理' },
  { path: '/consultations/new', label: '咨询登记', icon: <FormOutlined />, description: '登记窗口、电话咨询的问题和答复', permission: 'consultations.log', group: '群众诉求' },
  { path: '/consultations/pending', label: '待答复咨询', icon: <ClockCircleOutlined />, description: '群众网上提出的咨询：答复后短信告知', permission: 'consultations.log', group: '群众诉求' },
  { path: '/consultations', label: '咨询记录', icon: <CommentOutlined />, description: '按事项、方式、状态、日期查询咨询记录', permission: 'consultations.read', group: '群众诉求' },
  { path: '/consultations/faq', label: '常见问题', icon: <QuestionCircleOutlined />, description: '把问得最多的问题整理成事项的常见问题并公开', permission: 'consultations.read', group: '群众诉求' },
  { path: '/complaints', label: '投诉台账', icon: <ExclamationCircleOutlined />, description: '登记和办理投诉：受理、调查、处置、反馈、回访、归档，红黄绿灯和并单', permission: 'complaints.read', group: '群众诉求' },
  { path: '/petitions/new', label: '信访登记', icon: <FormOutlined />, description: '来信来访登记，自动查找既往来访，集体访立即报告领导', permission: 'petitions.handle', group: '群众诉求' },
  { path: '/petitions', label: '信访台账', icon: <SolutionOutlined />, description: '信访事项的受理告知、交办、领导接待、答复和时限亮灯', permission: 'petitions.read', group: '群众诉求' },
  { path: '/evaluations', label: '评价记录', icon: <LikeOutlined />, description: '好差评：每件办件的评价、代录纸质评价表、导出表9', permission: 'evaluations.read', group: '好差评' },
  { path: '/evaluations/work-orders', label: '差评整改', icon: <ToolOutlined />, description: '差评的回访核实、整改和群众对整改的评价，红黄绿灯', permission: 'evaluations.read', group: '好差评' },
  { path: '/evaluations/appeals', label: '差评申诉', icon: <SafetyCertificateOutlined />, description: '错评、恶评的申诉和复核：申诉成立的不计入统计', permission: 'evaluations.read', group: '好差评' },
  { path: '/evaluations/figures', label: '评价统计', icon: <BarChartOutlined />, description: '按窗口、人员、事项、中心统计好评率、主动评价率、差评整改率', permission: 'evaluations.read', group: '好差评' },
  { path: '/evaluations/pads', label: '窗口评价器', icon: <TabletOutlined />, description: '为窗口登记评价平板，停用丢失的平板', permission: 'evaluations.pads', group: '好差评' },
  { path: '/supervision/cards', label: '督办单', icon: <FlagOutlined />, description: '蓝色提醒、橙色预警、红色问责：发出、回告、销号', permission: 'supervision.cards.read', group: '电子监察' },
  { path: '/supervision/violations', label: '监察记录', icon: <AlertOutlined />, description: '按监察规则自动记录的超期和不规范办理，说明情况、认定或撤销', permission: 'supervision.view', group: '电子监察' },
  { path: '/supervision/report', label: '监察月报', icon: <BarChartOutlined />, description: '按月统计各中心的办件、超期、监察记录和督办单，打印或导出 Excel', permission: 'supervision.view', group: '电子监察' },
  { path: '/reports/monthly', label: '月度统计报表', icon: <BarChartOutlined />, description: '本级和下级各中心的月度统计，月末锁定，按期逐级报送，查看下级报送和逾期情况', permission: 'reports.view', group: '统计考核' },
  { path: '/assessment', label: '考核评分', icon: <CalculatorOutlined />, description: '每月百分制考核：窗口和人员的得分、排名、扣分明细和申诉，主任录入扣分并关账', permission: 'assessment.view', group: '统计考核' },
  { path: '/assessment/rules', label: '考核规则', icon: <SettingOutlined />, description: '县级考核细则：每条规则的分值、封顶和启用，首席代表分担、申诉期和排名公布的设置', permission: 'assessment.rules', group: '统计考核' },
  { path: '/awards', label: '评先评优', icon: <TrophyOutlined />, description: '季度优质服务窗口（流动红旗）、年度优质服务标兵和年终考核档次，打印名单', permission: 'awards.read', group: '统计考核' },
  { path: '/standards', label: '标准化建设', icon: <SafetyCertificateOutlined />, description: '村便民服务室“五有”和乡镇中心的自评（附照片）、县级检查评分、限期整改和各中心得分表', permission: 'standards.view', group: '统计考核' },
  { path: '/catalog', label: '事项目录', icon: <ProfileOutlined />, description: '查询事项，查看、打印办事指南', group: '基础数据' },
  { path: '/catalog/import', label: '事项导入', icon: <CloudUploadOutlined />, description: '用 Excel 或 JSON 批量导入事项', permission: 'catalog.manage', group: '基础数据' },
  { path: '/orgs', label: '组织机构', icon: <ApartmentOutlined />, description: '三级机构、办公时间和可办事项', permission: 'orgs.view', group: '基础数据' },
  { path: '/users', label: '人员管理', icon: <TeamOutlined />, description: '账号、角色、重置密码和解锁；政务公开的人员照片', permission: 'users.view', group: '基础数据' },
  { path: '/windows', label: '窗口管理', icon: <DesktopOutlined />, description: '窗口设置和A岗、B岗安排', permission: 'windows.manage', group: '基础数据' },
  { path: '/notices', label: '政务公开公告', icon: <NotificationOutlined />, description: '发布、修改、撤下本中心政务公开页面上的公告，未满公示期撤下须写明原因', permission: 'notices.manage', group: '基础数据' },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, description: '节假日安排和办结日期计算', group: '基础数据' },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, description: '层级名称等全局设置', permission: 'settings.manage', group: '系统管理' },
  { path: '/jobs', label: '定时任务', icon: <FieldTimeOutlined />, description: '亮灯巡检、事件分发等后台任务的上次、下次运行和失败记录', permission: 'jobs.view', group: '系统管理' },
  { path: '/supervision/rules', label: '监察规则', icon: <SafetyCertificateOutlined />, description: '电子监察规则的开关和参数，调整须写明理由', permission: 'supervision.rules', group: '系统管理' },
  { path: '/complaints/limits', label: '投诉时限', icon: <FieldTimeOutlined />, description: '简单、复杂投诉的答复时限和延期上限（工作日）', permission: 'complaints.settings', group: '系统管理' },
  { path: '/evaluations/settings', label: '好差评时限', icon: <FieldTimeOutlined />, description: '评价邀请、默认评价的天数和差评回访、整改的时限', permission: 'settings.manage', group: '系统管理' },
  { path: '/petitions/settings', label: '信访时限', icon: <FieldTimeOutlined />, description: '信访事项的时限按自然日还是工作日计算', permission: 'settings.manage', group: '系统管理' },
  { path: '/awards/settings', label: '评先评优设置', icon: <TrophyOutlined />, description: '流动红旗、优质服务标兵的名次和次数，年终考核档次的比例和限制条件', permission: 'settings.manage', group: '系统管理' },
  { path: '/notifications/outbox', label: '短信记录', icon: <MessageOutlined />, description: '短信和站内消息的发送情况、失败原因，未配置短信通道时的提示', permission: 'notifications.view', group: '系统管理' },
  { path: '/notifications/templates', label: '消息模板', icon: <SnippetsOutlined />, description: '系统发出的每种短信、站内消息的内容和短信平台模板编号', permission: 'notifications.view', group: '系统管理' },
  { path: '/standards/checklists', label: '标准化检查表', icon: <SafetyCertificateOutlined />, description: '标准化建设检查表的检查项、标准和分值（合计 100 分），修改保存为新版本', permission: 'standards.checklists', group: '系统管理' },
  { path: '/open311/keys', label: 'Open311 接口密钥', icon: <ApiOutlined />, description: '第三方平台使用 Open311 接口的密钥：发放（只显示一次）和吊销', permission: 'open311.keys', group: '系统管理' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, description: '登录失败、越权、导出和查看个人信息的记录，校验日志未被改动', permission: 'audit.read', group: '系统管理' },
];

export const navItemsFor = (roles: readonly string[]) => NAV_ITEMS.filter((item) => !item.permission || can(roles, item.permission));

/** The entries without a heading first, then each heading with its entries (a heading with none is left out). */
export function navSections(items: readonly NavItem[]): { group: NavGroup | null; items: NavItem[] }[] {
  const sections = [{ group: null, items: items.filter((item) => !item.group) }, ...NAV_GROUPS.map((group) => ({ group, items: items.filter((item) => item.group === group) }))];
  return sections.filter((section) => section.items.length > 0);
}

/** The menu as antd lays it out: the sections, each heading a menu group (collapsed to icons, headings hide). */
export function menuOf<T>(items: readonly NavItem[], entry: (item: NavItem) => T): (T | MenuGroup<T>)[] {
  return navSections(items).flatMap((section): (T | MenuGroup<T>)[] =>
    section.group === null ? section.items.map(entry) : [{ type: 'group', key: section.group, label: section.group, children: section.items.map(entry) }],
  );
}
type MenuGroup<T> = { type: 'group'; key: string; label: string; children: T[] };

/** The menu entry a page belongs to: the longest path that prefixes the current one. */
export function selectedNavPath(pathname: string, items: readonly NavItem[]): string {
  const candidates = items.filter((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)));
  candidates.sort((a, b) => b.path.length - a.path.length);
  return candidates[0]?.path ?? '';
}
