import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useRecordedPrint } from '@/hooks/use-recorded-print';
import { useHandoverPaper, useRecordPetitionPrint } from '@/features/petitions/api/petitions';
import { HandoverSheet } from '@/features/petitions/components/handover-sheet';

const route = getRouteApi('/console/petitions/$id/handovers/$handoverId/print');

/** The printable 信访事项交办单 on A4. 打印 first records the print, then opens the browser's print dialog. */
export function PetitionHandoverPrintPage() {
  const { id, handoverId } = route.useParams();
  const paper = useHandoverPaper(id, handoverId);
  const record = useRecordPetitionPrint(id, { handoverId });
  const print = useRecordedPrint(record.mutate, { variables: undefined }, '已登记本次打印。');
  if (paper.isPending) return <PageLoading />;
  if (paper.isError) return <QueryError error={paper.error} onRetry={() => void paper.refetch()} />;
  return (
    <>
      <div className="page-header no-print">
        <Link to="/petitions/$id" params={{ id }}>
          <Button icon={<ArrowLeftOutlined />}>返回信访事项</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} loading={record.isPending} onClick={() => print(undefined)} data-testid="petition-print">
          打印
        </Button>
      </div>
      <HandoverSheet p={paper.data} />
    </>
  );
}
