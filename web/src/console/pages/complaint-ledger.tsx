import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useComplaints, type ComplaintQuery } from '@/features/complaints/api/complaints';
import { ComplaintFilters } from '@/features/complaints/components/complaint-filters';
import { ComplaintsTable } from '@/features/complaints/components/complaints-table';

const route = getRouteApi('/console/complaints');

/** 投诉台账: the center's complaints (a supervisor: the tree's), with lights, filters and the registration button. */
export function ComplaintLedgerPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: ComplaintQuery = { ...search, pageSize: search.pageSize ?? 20 };
  const complaints = useComplaints(query);
  const setQuery = (q: ComplaintQuery) => void navigate({ to: '/complaints', search: { ...q, pageSize: undefined } });
  return (
    <>
      <PageHeader
        title="投诉台账"
        description="窗口、电话、书面、网上、差评和 12345 转办的投诉：受理 → 调查 → 处置 → 反馈 → 回访 → 归档。简单投诉当天或次日答复，复杂投诉 5 个工作日内答复。"
        extra={
          can(me.user.roles, 'complaints.handle') && (
            <Link to="/complaints/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="complaint-new">
                登记投诉
              </Button>
            </Link>
          )
        }
      />
      <ComplaintFilters value={query} onChange={setQuery} />
      {complaints.isError ? (
        <QueryError error={complaints.error} onRetry={() => void complaints.refetch()} />
      ) : (
        <ComplaintsTable
          complaints={complaints.data?.complaints ?? []}
          loading={complaints.isPending}
          total={complaints.data?.total}
          page={query.page ?? 1}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => void navigate({ to: '/complaints', search: { ...search, page, pageSize } })}
        />
      )}
    </>
  );
}
