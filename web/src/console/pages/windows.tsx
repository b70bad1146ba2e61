import { Alert, Card, Col, Row } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useOrgs } from '@/features/orgs/api/get-orgs';
import { OrgTree } from '@/features/orgs/components/org-tree';
import { useUsers } from '@/features/users/api/get-users';
import { WindowsManager } from '@/features/windows/components/windows-manager';
import { centerTitle } from '@/lib/levels';

const route = getRouteApi('/console/windows');

export function WindowsPage() {
  const me = useMe();
  const { orgId } = route.useSearch();
  const navigate = route.useNavigate();
  const orgs = useOrgs();
  const list = orgs.data?.orgs ?? [];
  const selected = list.find((o) => o.id === orgId) ?? list.find((o) => o.id === me.user.orgId) ?? list[0];
  const staff = useUsers(selected?.id);

  if (orgs.isPending) return <PageLoading />;
  if (orgs.isError) return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />;

  // only people who may handle cases can hold a post: the window's cases go to them (the server refuses others too)
  const activeStaff = (staff.data?.users ?? []).filter((u) => u.active && can(u.roles, 'cases.handle')).map((u) => ({ id: u.id, name: u.name, username: u.username }));

  return (
    <>
      <PageHeader title="窗口管理" description="每个窗口设A岗（主办）和B岗（替岗），A岗不在时由B岗办理，窗口不空岗" />
      <Row gutter={16}>
        <Col xs={24} lg={7} xl={6}>
          <Card title="选择服务中心" styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflow: 'auto' } }}>
            <OrgTree orgs={list} selectedId={selected?.id} onSelect={(id) => void navigate({ search: { orgId: id }, replace: true })} />
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          {selected && (
            <Card title={`${centerTitle(selected)} · 窗口`}>
              {staff.isError && <QueryError error={staff.error} />}
              {staff.data && activeStaff.length === 0 && (
                <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该中心还没有能办理办件的在岗人员（窗口工作人员或中心主任），请先在“人员管理”中添加，再设置A岗、B岗。" />
              )}
              <WindowsManager key={selected.id} orgId={selected.id} staff={activeStaff} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
