import { Card, Col, Empty, Row, Tabs } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { useItems } from '@/features/catalog/api/get-items';
import { useOrgs } from '@/features/orgs/api/get-orgs';
import { OrgDetails } from '@/features/orgs/components/org-details';
import { OrgItemsPanel } from '@/features/orgs/components/org-items-panel';
import { OrgTree } from '@/features/orgs/components/org-tree';
import { can } from '@/lib/authorization';
import { centerTitle } from '@/lib/levels';

const route = getRouteApi('/console/orgs');

export function OrgsPage() {
  const me = useMe();
  const { orgId } = route.useSearch();
  const navigate = route.useNavigate();
  const orgs = useOrgs();
  const items = useItems({ status: 'active' });

  if (orgs.isPending) return <PageLoading />;
  if (orgs.isError) return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />;

  const list = orgs.data.orgs;
  const selected = list.find((o) => o.id === orgId) ?? list.find((o) => o.id === me.user.orgId) ?? list[0];
  const select = (id: string) => void navigate({ search: { orgId: id }, replace: true });
  const canManage = can(me.user.roles, 'orgs.manage');
  const { county, township, village } = me.levelNames;

  return (
    <>
      <PageHeader
        title="组织机构"
        description={`${county}—${township}—${village}三级便民服务网络${canManage ? '' : '（只读）'}`}
      />
      <Row gutter={16}>
        <Col xs={24} lg={8} xl={7}>
          <Card title="机构树" styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflow: 'auto' } }}>
            <OrgTree orgs={list} selectedId={selected?.id} onSelect={select} />
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          {selected ? (
            <Card title={centerTitle(selected)}>
              <Tabs
                items={[
                  {
                    key: 'info',
                    label: '基本信息',
                    children: (
                      <OrgDetails
                        org={selected}
                        parent={list.find((o) => o.id === selected.parentId) ?? null}
                        childCount={list.filter((o) => o.parentId === selected.id).length}
                        canManage={canManage}
                        onCreated={(org) => select(org.id)}
                      />
                    ),
                  },
                  {
                    key: 'items',
                    label: '可办事项',
                    children: (
                      <OrgItemsPanel
                        org={selected}
                        items={items.data?.items ?? []}
                        itemsLoading={items.isPending}
                        canEdit={can(me.user.roles, 'catalog.offer')}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          ) : (
            <Card>
              <Empty description="暂无机构" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
