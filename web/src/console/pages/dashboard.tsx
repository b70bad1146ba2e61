import { Col, Row } from 'antd';
import { QuickLinks } from '@/components/layout/quick-links';
import { navItemsFor } from '@/config/navigation';
import { useMe } from '@/lib/auth';
import { ProfileCard } from '@/features/auth/components/profile-card';
import { ImportReminder } from '@/features/calendar/components/import-reminder';
import { TodayCard } from '@/features/calendar/components/today-card';
import { DeadlineChangesCard } from '@/features/cases/components/deadline-changes-card';
import { CatalogSummaryCard } from '@/features/catalog/components/catalog-summary-card';
import { PublicUrlReminder } from '@/features/settings/components/public-url-reminder';

export function DashboardPage() {
  const me = useMe();
  const links = navItemsFor(me.user.roles).filter((item) => item.path !== '/');
  return (
    <>
      <PublicUrlReminder />
      <ImportReminder />
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
