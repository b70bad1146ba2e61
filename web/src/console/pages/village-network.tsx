import { Badge, Card, Space, Tabs, Typography } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useLevelNames } from '@/lib/auth';
import { useBatches } from '@/features/agents/api/get-batches';
import { useHopViolations } from '@/features/agents/api/get-hop-violations';
import { BatchesTable } from '@/features/agents/components/batches-table';
import { HopViolationsTable } from '@/features/agents/components/hop-violations-table';
import { VillageMonthly } from '@/features/agents/components/village-monthly';
import { centerNow } from '@/lib/format';

const route = getRouteApi('/console/villages');

type VillageTab = 'batches' | 'violations' | 'monthly';

const TabLabel = ({ label, count, danger }: { label: string; count: number | undefined; danger?: boolean }) => (
  <Space size={6}>
    {label}
    <Badge count={count ?? 0} showZero color={count ? (danger ? '#cf1322' : '#1a5fb4') : '#d9d9d9'} overflowCount={999} />
  </Space>
);

function BatchesTab() {
  const batches = useBatches();
  return (
    <>
      <Typography.Paragraph type="secondary">
        村便民服务室每周集中报送的办件批次。纸质材料送到后，打开批次逐件核对，点“全部接收”转入本中心办理。
      </Typography.Paragraph>
      {batches.isError ? (
        <QueryError error={batches.error} onRetry={() => void batches.refetch()} />
      ) : (
        <BatchesTable batches={batches.data ?? []} loading={batches.isFetching} />
      )}
    </>
  );
}

function ViolationsTab() {
  const violations = useHopViolations();
  return (
    <>
      <Typography.Paragraph type="secondary">
        村级转报乡镇、乡镇上报县级、结果返回群众超过时限的办件：逾期后完成的标明完成时间，尚未完成的请督促立即办理。
      </Typography.Paragraph>
      {violations.isError ? (
        <QueryError error={violations.error} onRetry={() => void violations.refetch()} />
      ) : (
        <HopViolationsTable violations={violations.data ?? []} loading={violations.isFetching} />
      )}
    </>
  );
}

/** 村级代办: the township side of the village network — batches to receive, late hops, the monthly table. */
export function VillageNetworkPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const levelNames = useLevelNames();
  const batches = useBatches();
  const violations = useHopViolations();
  const tab: VillageTab = search.tab ?? 'batches';
  const month = search.month ?? centerNow().format('YYYY-MM');
  const waiting = batches.data?.filter((b) => !b.receivedAt).length;
  const undone = violations.data?.filter((v) => !v.doneAt).length;

  return (
    <>
      <PageHeader
        title="村级代办"
        description={`${levelNames.village}便民服务室集中报送的批次、转报超时情况和${levelNames.village}级办理情况统计`}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => void navigate({ search: (prev) => ({ ...prev, tab: key === 'batches' ? undefined : (key as VillageTab) }), replace: true })}
          items={[
            { key: 'batches', label: <TabLabel label="报送批次" count={waiting} />, children: <BatchesTab /> },
            { key: 'violations', label: <TabLabel label="转报超时" count={undone} danger />, children: <ViolationsTab /> },
            {
              key: 'monthly',
              label: `${levelNames.village}级统计`,
              children: (
                <VillageMonthly month={month} onMonthChange={(next) => void navigate({ search: (prev) => ({ ...prev, month: next }), replace: true })} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
