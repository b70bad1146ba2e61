import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useCases } from '@/features/cases/api/get-cases';
import { CasesTable } from '@/features/cases/components/cases-table';
import { LedgerExportButton, LedgerFilters } from '@/features/cases/components/ledger-filters';
import { LedgerDrillNote } from '@/features/dashboard/components/ledger-drill-note';

const route = getRouteApi('/console/cases');

export function CaseLedgerPage() {
  const filter = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const cases = useCases(filter);

  return (
    <>
      <PageHeader
        title="办件台账"
        description="本中心收件、办理和经办的全部办件；可按条件筛选并导出 Excel"
        extra={
          <Space>
            <LedgerExportButton value={filter} />
            {can(me.user.roles, 'cases.handle') && (
              <Link to="/cases/new">
                <Button type="primary" icon={<FormOutlined />}>
                  受理登记
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <LedgerDrillNote
        value={filter}
        onClear={() =>
          void navigate({ search: { ...filter, view: undefined, orgId: undefined, orgOnly: undefined, channel: undefined, windowId: undefined, overdue: undefined, dueToday: undefined, completedFrom: undefined, completedTo: undefined, overdueFrom: undefined, overdueTo: undefined, onTime: undefined, page: undefined }, replace: true })
        }
      />
      <Card>
        <LedgerFilters orgId={me.user.orgId} value={filter} onChange={(next) => void navigate({ search: next, replace: true })} />
        {cases.isError ? (
          <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <CasesTable
            cases={cases.data?.cases ?? []}
            loading={cases.isFetching}
            pagination={{
              current: filter.page ?? 1,
              pageSize: filter.pageSize ?? 20,
              total: cases.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => (cases.data?.totalCapped ? `超过 ${t} 件，请输入更完整的姓名或办件编号缩小范围` : `共 ${t} 件`),
              onChange: (page, pageSize) => void navigate({ search: { ...filter, page: page === 1 ? undefined : page, pageSize: pageSize === 20 ? undefined : pageSize }, replace: true }),
            }}
          />
        )}
      </Card>
    </>
  );
}
