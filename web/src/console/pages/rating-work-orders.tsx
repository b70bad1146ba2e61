import { Alert, Segmented, Space } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useWorkOrders, type WorkOrderQuery } from '@/features/evaluation-work-orders/api/work-orders';
import { WorkOrdersTable } from '@/features/evaluation-work-orders/components/work-orders-table';
import { WORK_ORDER_STATUSES, WORK_ORDER_STATUS_NAMES } from '@domain/evaluation/work-orders';

const route = getRouteApi('/console/evaluations/work-orders');

/** 差评整改: every 差评's work order of the center (and below), by status and light; red first to act on. */
export function RatingWorkOrdersPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: WorkOrderQuery = { ...search, pageSize: search.pageSize ?? 20 };
  const list = useWorkOrders(query);
  const red = useWorkOrders({ light: 'red', pageSize: 1 });
  const set = (q: Partial<WorkOrderQuery>) => void navigate({ to: '/evaluations/work-orders', search: { ...search, ...q, page: undefined } });
  return (
    <>
      <PageHeader title="差评整改" description="每条差评生成整改工单：1 个工作日内回访核实，15 个工作日内整改，整改结果短信告知评价人并请其评价。" />
      {(red.data?.total ?? 0) > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="work-orders-red" title={`有 ${red.data!.total} 件工单已超过回访或整改期限，请立即办理。`} />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={search.status ?? ''}
          onChange={(v) => set({ status: (v || undefined) as WorkOrderQuery['status'] })}
          options={[{ value: '', label: '全部' }, ...WORK_ORDER_STATUSES.map((s) => ({ value: s, label: WORK_ORDER_STATUS_NAMES[s] }))]}
        />
        <Segmented
          value={search.light ?? ''}
          onChange={(v) => set({ light: (v || undefined) as WorkOrderQuery['light'] })}
          options={[
            { value: '', label: '全部灯' },
            { value: 'red', label: '红灯' },
            { value: 'yellow', label: '黄灯' },
            { value: 'green', label: '绿灯' },
          ]}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <WorkOrdersTable
          workOrders={list.data?.workOrders ?? []}
          loading={list.isPending}
          total={list.data?.total}
          page={search.page ?? 1}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => void navigate({ to: '/evaluations/work-orders', search: { ...search, page, pageSize } })}
        />
      )}
    </>
  );
}
