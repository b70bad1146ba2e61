import { Card, Col, Row } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { useOrgs } from '@/features/orgs/api/get-orgs';
import { OrgTree } from '@/features/orgs/components/org-tree';
import { orgTreeData, subtreeIds } from '@/features/orgs/utils/org-tree';
import { UsersManager } from '@/features/users/components/users-manager';

const route = getRouteApi('/console/users');

export function UsersPage() {
  const me = useMe();
  const { orgId } = route.useSearch();
  const navigate = route.useNavigate();
  const orgs = useOrgs();
  const list = orgs.data?.orgs ?? [];
  const selected = list.find((o) => o.id === orgId) ?? list.find((o) => o.id === me.user.orgId) ?? list[0];
  const subtree = useMemo(() => (selected ? subtreeIds(list, selected.id) : new Set<string>()), [list, selected]);
  const options = useMemo(() => orgTreeData(list, me.levelNames), [list, me.levelNames]);

  if (orgs.isPending) return <PageLoading />;
  if (orgs.isError) return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const names = new Map(list.map((o) => [o.id, o.name]));

  return (
    <>
      <PageHeader title="人员管理" description="工作人员账号、角色与所属机构。三员分立：系统管理员新建和维护账号，安全管理员调整角色、重置密码和解锁；三员自己的账号在控制台内谁都不能修改" />
      <Row gutter={16}>
        <Col xs={24} lg={7} xl={6}>
          <Card title="选择机构" styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflow: 'auto' } }}>
            <OrgTree orgs={list} selectedId={selected?.id} onSelect={(id) => void navigate({ search: { orgId: id }, replace: true })} />
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card title={selected ? `${selected.name} · 人员` : '人员'}>
            <UsersManager orgId={selected?.id} subtree={subtree} orgName={(id) => names.get(id) ?? '—'} orgOptions={options} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
