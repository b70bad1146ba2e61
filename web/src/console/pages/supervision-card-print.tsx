import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useRecordedPrint } from '@/hooks/use-recorded-print';
import { useCardPaper, useRecordCardPrint } from '@/features/supervision-cards/api/cards';
import { CardSheet } from '@/features/supervision-cards/components/card-sheet';

const route = getRouteApi('/console/supervision/cards/$id/print');

/**
 * The printable 督办单 on A4 (/supervision/cards/:id/print). 打印 first records the print (who, when, what it said),
 * then opens the browser's print dialog; a print from the browser's own menu (Ctrl+P) is recorded too.
 */
export function SupervisionCardPrintPage() {
  const { id } = route.useParams();
  const paper = useCardPaper(id);
  const record = useRecordCardPrint(id);
  const print = useRecordedPrint(record.mutate, { variables: undefined }, '已登记本次打印。');

  if (paper.isPending) return <PageLoading />;
  if (paper.isError) return <QueryError error={paper.error} onRetry={() => void paper.refetch()} />;

  return (
    <>
      <div className="page-header no-print">
        <Link to="/supervision/cards/$id" params={{ id }}>
          <Button icon={<ArrowLeftOutlined />}>返回督办单</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} loading={record.isPending} onClick={() => print(undefined)} data-testid="card-print">
          打印
        </Button>
      </div>
      <CardSheet p={paper.data} />
    </>
  );
}
