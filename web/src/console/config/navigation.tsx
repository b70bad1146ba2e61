import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DesktopOutlined,
  FileAddOutlined,
  BellOutlined,
  MessageOutlined,
  SnippetsOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HomeOutlined,
  InboxOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can, type Permission } from '@/lib/authorization';

export interface NavItem {
  path: '/' | '/work' | '/presence' | '/cases/new' | '/cases' | '/villages' | '/catalog' | '/catalog/import' | '/orgs' | '/users' | '/windows' | '/calendar' | '/settings' | '/audit' | '/jobs' | '/supervision/cards' | '/supervision/violations' | '/supervision/report' | '/supervision/rules' | '/messages' | '/notifications/outbox' | '/notifications/templates';
  label: string;
  icon: ReactNode;
  /** One line for the quick links on the 工作台. */
  description: string;
  permission?: Permission;
}

/** The console menu; each entry shows only to the roles that may use the page. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, description: '我的信息和常用功能' },
  { path: '/work', label: '我的工作', icon: <InboxOutlined />, description: '在办、今日到期、待补正、待接收的办件', permission: 'cases.handle' },
  { path: '/presence', label: '在岗登记', icon: <UserSwitchOutlined />, description: '离岗、返岗登记（AB岗），查看顶岗办理的办件', permission: 'cases.handle' },
  { path: '/cases/new', label: '受理登记', icon: <FileAddOutlined />, description: '登记群众的办事申请，当场判定办件类型', permission: 'cases.handle' },
  { path: '/cases', label: '办件台账', icon: <FileSearchOutlined />, description: '查询、筛选全部办件，导出 Excel', permission: 'cases.read' },
  { path: '/supervision/cards', label: '督办单', icon: <FlagOutlined />, description: '蓝色提醒、橙色预警、红色问责：发出、回告、销号', permission: 'supervision.cards.read' },
  { path: '/supervision/violations', label: '监察记录', icon: <AlertOutlined />, description: '按监察规则自动记录的超期和不规范办理，说明情况、认定或撤销', permission: 'supervision.view' },
  { path: '/supervision/report', label: '监察月报', icon: <BarChartOutlined />, description: '按月统计各中心的办件、超期、监察记录和督办单，打印或导出 Excel', permission: 'supervision.view' },
  { path: '/villages', label: '村级代办', icon: <ClusterOutlined />, description: '村级报送批次的接收、转报超时和村级统计', permission: 'cases.read' },
  { path: '/catalog', label: '事项目录', icon: <ProfileOutlined />, description: '查询事项，查看、打印办事指南' },
  { path: '/catalog/import', label: '事项导入', icon: <CloudUploadOutlined />, description: '用 Excel 或 JSON 批量导入事项', permission: 'catalog.manage' },
  { path: '/orgs', label: '组织机构', icon: <ApartmentOutlined />, description: '三级机构、办公时间和可办事项', permission: 'orgs.view' },
  { path: '/users', label: '人员管理', icon: <TeamOutlined />, description: '账号、角色、重置密码和解锁', permission: 'users.manage' },
  { path: '/windows', label: '窗口管理', icon: <DesktopOutlined />, description: '窗口设置和A岗、B岗安排', permission: 'windows.manage' },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, description: '节假日安排和办结日期计算' },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, description: '层级名称等全局设置', permission: 'settings.manage' },
  { path: '/jobs', label: '定时任务', icon: <FieldTimeOutlined />, description: '亮灯巡检、事件分发等后台任务的上次、下次运行和失败记录', permission: 'jobs.view' },
  { path: '/supervision/rules', label: '监察规则', icon: <SafetyCertificateOutlined />, description: '电子监察规则的开关和参数，调整须写明理由', permission: 'supervision.rules' },
  { path: '/notifications/outbox', label: '短信记录', icon: <MessageOutlined />, description: '短信和站内消息的发送情况、失败原因，未配置短信通道时的提示', permission: 'notifications.view' },
  { path: '/notifications/templates', label: '消息模板', icon: <SnippetsOutlined />, description: '系统发出的每种短信、站内消息的内容和短信平台模板编号', permission: 'notifications.view' },
  { path: '/messages', label: '我的消息', icon: <BellOutlined />, description: '亮灯预警、督办单等发给我的站内消息' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, description: '登录失败、越权、导出和查看个人信息的记录，校验日志未被改动', permission: 'audit.read' },
];

export const navItemsFor = (roles: readonly string[]) => NAV_ITEMS.filter((item) => !item.permission || can(roles, item.permission));

/** The menu entry a page belongs to: the longest path that prefixes the current one. */
export function selectedNavPath(pathname: string, items: readonly NavItem[]): string {
  const candidates = items.filter((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)));
  candidates.sort((a, b) => b.path.length - a.path.length);
  return candidates[0]?.path ?? '';
}
