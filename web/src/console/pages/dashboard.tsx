import { Col, Row } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { QuickLinks } from '@/components/layout/quick-links';
import { navItemsFor } from '@/config/navigation';
import { useMe } from '@/lib/auth';
import { ProfileCard } from '@/features/auth/components/profile-card';
import { ImportReminder } from '@/features/calendar/components/import-reminder';
import { TodayCard } from '@/features/calendar/components/today-card';
import { DeadlineChangesCard } from '@/features/cases/components/deadline-changes-card';
import { CatalogSummaryCard } from '@/features/catalog/components/catalog-summary-card';
import { PublicUrlReminder } from '@/features/settings/components/public-url-reminder';
import { ClerkDashboard } from '@/features/dashboard/components/clerk-dashboard';
import { DirectorDashboard } from '@/features/dashboard/components/director-dashboard';
import { SupervisorDashboard } from '@/features/dashboard/components/supervisor-dashboard';
import { RatingFiguresCard } from '@/features/evaluation-work-orders/components/figures-chart';
import { can } from '@/lib/authorization';

const route = getRouteApi('/console/');

export function DashboardPage() {
  const me = useMe();
  const links = navItemsFor(me.user.roles).filter((item) => item.path !== '/');
  const { orgId } = route.useSearch();
  const roles = me.user.roles;
  // by role (issue 9 §4): the director's exceptions, a clerk's own red, yellow and due cases, the supervisor's tree
  const center = can(roles, 'dashboard.center');
  const supervisor = roles.includes('supervisor');
  return (
    <>
      <PublicUrlReminder />
      <ImportReminder />
      {center && <DirectorDashboard />}
      {!center && can(roles, 'dashboard.mine') && <ClerkDashboard />}
      {supervisor && (
        <div style={{ marginBottom: 16 }}>
          <SupervisorDashboard orgId={orgId} />
        </div>
      )}
      {/* 好差评 this month (issue 10 §1): the director's windows, the supervisor's centers below */}
      {(center || supervisor) && can(roles, 'evaluations.read') && <RatingFiguresCard orgId={supervisor ? orgId : undefined} by={supervisor ? 'center' : 'window'} />}
      <DeadlineChangesCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ProfileCard />
        </Col>
        <Col xs={24} xl={8}>
          <TodayCard />
        </Col>
        <Col xs={24} xl={16}>
          <QuickLinks items={links} />
        </Col>
        <Col xs={24} xl={8}>
          <CatalogSummaryCard />
        </Col>
      </Row>
    </>
  );
}
