import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { useItems } from '@/features/catalog/api/get-items';
import { ItemFilters } from '@/features/catalog/components/item-filters';
import { ItemsTable } from '@/features/catalog/components/items-table';
import { can } from '@/lib/authorization';

const route = getRouteApi('/console/catalog');

export function CatalogListPage() {
  const filter = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const items = useItems(filter);

  return (
    <>
      <PageHeader
        title="事项目录"
        description="本地区公开的政务服务事项及其办事指南（八公开）"
        extra={
          can(me.user.roles, 'catalog.manage') && (
            <Link to="/catalog/new">
              <Button type="primary" icon={<PlusOutlined />}>
                新增事项
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <ItemFilters value={filter} onChange={(next) => void navigate({ search: next, replace: true })} />
        {items.isError ? (
          <QueryError error={items.error} onRetry={() => void items.refetch()} />
        ) : (
          <ItemsTable items={items.data?.items ?? []} loading={items.isFetching} />
        )}
      </Card>
    </>
  );
}
