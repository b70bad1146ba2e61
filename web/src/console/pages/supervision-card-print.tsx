import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
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
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const fromButton = useRef(false);
  const { mutate } = record;

  useEffect(() => {
    const onBeforePrint = () => {
      if (!fromButton.current) mutate();
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [mutate]);

  if (paper.isPending) return <PageLoading />;
  if (paper.isError) return <QueryError error={paper.error} onRetry={() => void paper.refetch()} />;

  const print = () =>
    mutate(undefined, {
      onSuccess: () => {
        message.success('已登记本次打印。');
        fromButton.current = true;
        try {
          window.print();
        } finally {
          fromButton.current = false;
        }
      },
      onError: (e) => showError(e),
    });

  return (
    <>
      <div className="page-header no-print">
        <Link to="/supervision/cards/$id" params={{ id }}>
          <Button icon={<ArrowLeftOutlined />}>返回督办单</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} loading={record.isPending} onClick={print} data-testid="card-print">
          打印
        </Button>
      </div>
      <CardSheet p={paper.data} />
    </>
  );
}
