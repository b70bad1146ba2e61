import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { useQuarterlyAward, useTierList, useYearlyAward } from '@/features/awards/api/awards';
import { AwardSheet, type AwardPaper } from '@/features/awards/components/award-sheet';

const route = getRouteApi('/console/awards/print');

/** The printable award list on A4 (/awards/print?kind=quarterly|yearly|tiers), headed by the center's name. */
export function AwardsPrintPage() {
  const search = route.useSearch();
  const me = useMe();
  const quarterly = useQuarterlyAward({ orgId: search.orgId, quarter: search.quarter }, search.kind === 'quarterly');
  const yearly = useYearlyAward({ orgId: search.orgId, year: search.year }, search.kind === 'yearly');
  const tiers = useTierList({ orgId: search.orgId, year: search.year }, search.kind === 'tiers');
  const current = search.kind === 'quarterly' ? quarterly : search.kind === 'yearly' ? yearly : tiers;

  if (current.isPending) return <PageLoading />;
  if (current.isError) return <QueryError error={current.error} onRetry={() => void current.refetch()} />;
  const paper: AwardPaper =
    search.kind === 'quarterly' ? { kind: 'quarterly', data: quarterly.data! } : search.kind === 'yearly' ? { kind: 'yearly', data: yearly.data! } : { kind: 'tiers', data: tiers.data! };

  return (
    <>
      <div className="page-header no-print">
        <Link to="/awards" search={{ tab: search.kind, orgId: search.orgId, quarter: search.quarter, year: search.year }}>
          <Button icon={<ArrowLeftOutlined />}>返回评先评优</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="award-sheet-print">
          打印
        </Button>
      </div>
      <AwardSheet p={paper} maker={me.user.name} />
    </>
  );
}
