import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useBatch } from '@/features/agents/api/get-batch';
import { BatchCasesTable } from '@/features/agents/components/batch-cases-table';
import { BatchOverview } from '@/features/agents/components/batch-overview';
import { BatchSheet } from '@/features/agents/components/batch-sheet';
import { ReceiveBatchButton } from '@/features/agents/components/receive-batch-button';

const route = getRouteApi('/console/villages/batches/$id');

/** One batch's 报送清单: its cases and materials, 全部接收 for the township it was sent to, and the printed list. */
export function VillageBatchPage() {
  const { id } = route.useParams();
  const me = useMe();
  const batch = useBatch(id);

  if (batch.isPending) return <PageLoading />;
  if (batch.isError) return <QueryError error={batch.error} onRetry={() => void batch.refetch()} />;

  const b = batch.data;
  // only the township the batch was sent to receives it (the server checks this too)
  const canReceive = !b.receivedAt && me.user.orgId === b.townshipOrgId && can(me.user.roles, 'cases.handle');

  return (
    <>
      <div className="page-header no-print">
        <Link to="/villages">
          <Button icon={<ArrowLeftOutlined />}>返回报送批次</Button>
        </Link>
        <Space wrap>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印报送清单
          </Button>
          {canReceive && <ReceiveBatchButton batch={b} onStale={() => void batch.refetch()} />}
        </Space>
      </div>
      <BatchOverview batch={b} />
      <BatchCasesTable cases={b.cases} />
      <BatchSheet batch={b} />
    </>
  );
}
