import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useRecordedPrint } from '@/hooks/use-recorded-print';
import { useNoticePaper, useRecordPetitionPrint } from '@/features/petitions/api/petitions';
import { NoticeSheet } from '@/features/petitions/components/notice-sheet';

const route = getRouteApi('/console/petitions/$id/notices/$seq/print');

/** The printable 告知书 (受理 / 不予受理 / 延期 / 答复意见) on A4. 打印 first records the print. */
export function PetitionNoticePrintPage() {
  const { id, seq } = route.useParams();
  const paper = useNoticePaper(id, Number(seq));
  const record = useRecordPetitionPrint(id, { seq: Number(seq) });
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
      <NoticeSheet p={paper.data} />
    </>
  );
}
