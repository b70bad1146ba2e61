import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { formatDateTime } from '@/lib/format';
import { usePrintContent } from '@/features/notices/api/prints';
import { NoticeDocument } from '@/features/notices/components/notice-document';

const route = getRouteApi('/console/cases/$id/prints/$printId');

/** A paper exactly as it was printed, from its print record (the archive's copy); not printable again from here. */
export function CasePrintPage() {
  const { id, printId } = route.useParams();
  const print = usePrintContent(id, printId);
  if (print.isPending) return <PageLoading />;
  if (print.isError) return <QueryError error={print.error} onRetry={() => void print.refetch()} />;
  return (
    <>
      <div className="page-header no-print">
        <Link to="/cases/$id" params={{ id }}>
          <Button icon={<ArrowLeftOutlined />}>返回办件</Button>
        </Link>
      </div>
      <div className="notice-warnings no-print">
        <Alert
          type="info"
          showIcon
          title={`打印记录：${print.data.paperName}`}
          description={`${print.data.printedBy}于${formatDateTime(print.data.printedAt)}打印，出具机构：${print.data.issuerName ?? ''}。以下是当时所印内容，仅供查阅；需要再次出具请回到办件页面打印。`}
        />
      </div>
      <NoticeDocument p={print.data.content} />
    </>
  );
}
