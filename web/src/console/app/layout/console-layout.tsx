import { Badge, Layout, Menu, Space, Typography } from 'antd';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Suspense, useState } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { useMe } from '@/lib/auth';
import { UserMenu } from '@/features/auth/components/user-menu';
import { InboxBell } from '@/features/notifications/components/inbox-bell';
import { useCaseCount } from '@/features/cases/api/get-cases';
import { useLiveUpdates } from '@/features/cases/api/live-updates';
import { can } from '@/lib/authorization';
import { centerTitle } from '@/lib/levels';
import { menuOf, navItemsFor, selectedNavPath } from '@/config/navigation';

/** The signed-in console: menu on the left (by role), who is signed in on top, the page in the middle. */
export function ConsoleLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [collapsed, setCollapsed] = useState(false);
  const items = navItemsFor(me.user.roles);
  // lists, counts and lights follow other people's work without a reload (GET /api/live)
  useLiveUpdates(me.user.id, can(me.user.roles, 'cases.read') && !me.user.mustChangePassword);
  const center = me.user.org
    ? centerTitle(me.user.org)
    : me.user.orgLevel
      ? centerTitle({ name: me.user.orgName ?? '', level: me.user.orgLevel })
      : (me.user.orgName ?? '');
  // A supervisor (or an administrator) belongs to the county, not to its service center: say where they stand.
  const orgName = me.user.org?.name ?? me.user.orgName ?? '';
  const inCenter = me.user.roles.some((r) => ['director', 'leader', 'clerk', 'agent', 'petition'].includes(r));
  const orgTitle = inCenter ? center : me.user.roles.includes('supervisor') ? `${orgName}纪检监察` : orgName || center;

  return (
    <Layout className="console" style={{ minHeight: '100vh' }}>
      <Layout.Sider className="console-sider" width={220} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
        <div className="console-brand">
          <div className="console-brand-logo">便</div>
          {!collapsed && (
            <div className="console-brand-text">
              <div className="console-brand-name">便民服务平台</div>
              <div className="console-brand-org" title={orgTitle ?? ''}>
                {orgTitle}
              </div>
            </div>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedNavPath(pathname, items)]}
          items={menuOf(items, (item) => ({
            key: item.path,
            icon: item.icon,
            label: item.path === '/work' && can(me.user.roles, 'cases.handle') ? <WorkNavLabel label={item.label} /> : item.label,
          }))}
          onClick={({ key }) => void navigate({ to: key })}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Typography.Text type="secondary" className="console-header-org">
            {orgTitle}
          </Typography.Text>
          <Space size={4}>
            <InboxBell />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** 我的工作 in the menu with the center's in-progress count (the 在办 tab's count, shared with it and kept live). */
function WorkNavLabel({ label }: { label: string }) {
  const held = useCaseCount({ view: 'held' });
  return (
    <Space size={8}>
      {label}
      {held.data ? <Badge count={held.data} overflowCount={999} color="#1a5fb4" data-testid="nav-work-count" /> : null}
    </Space>
  );
}
