import { Alert, Card, Typography } from 'antd';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useCases } from '@/features/cases/api/get-cases';
import { CasesTable } from '@/features/cases/components/cases-table';
import { usePresence, type Presence } from '@/features/presence/api/presence';
import { MyPresenceCard } from '@/features/presence/components/my-presence-card';
import { StaffPresenceTable } from '@/features/presence/components/staff-presence-table';

/** What B does for A: each window B covers now, and A's open cases routed to B (AB岗, rule 8). */
function CoveringCard({ presence }: { presence: Presence }) {
  const cases = useCases({ view: 'covering', page: 1, pageSize: 50 });
  if (presence.covering.length === 0) return null;
  return (
    <Card title="顶岗办理（B 岗）" style={{ marginBottom: 16 }} data-testid="covering">
      {[...new Set(presence.covering.map((w) => w.forUser.id))].map((userId) => {
        // one line per absent A: the windows B works for them and how many of their cases are open there
        const windows = presence.covering.filter((w) => w.forUser.id === userId);
        const a = windows[0]!.forUser;
        const open = windows.reduce((n, w) => n + w.openCases, 0);
        return (
          <Alert
            key={userId}
            style={{ marginBottom: 8 }}
            type="warning"
            showIcon
            title={`A 岗${a.name}离岗（${a.whereabouts && a.whereabouts !== '在岗' ? a.whereabouts : (a.awayReason ?? '未写明事由')}），由您顶岗办理 ${windows.length} 个窗口，在办 ${open} 件`}
            description={windows.map((w) => `${w.windowName}${w.openCases > 0 ? `（${w.openCases} 件）` : ''}`).join('、')}
          />
        );
      })}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        以下是 A 岗离岗期间交给您的在办件，您以 A 岗的权限办理；A 岗返岗后回到 A 岗。
      </Typography.Paragraph>
      <CasesTable cases={cases.data?.cases ?? []} loading={cases.isFetching} pagination={false} emptyText="顶岗窗口暂无在办件" />
    </Card>
  );
}

/** 在岗登记: 离岗/返岗 for oneself; the backup's work; for a director, the center's staff. */
export function PresencePage() {
  const presence = usePresence();
  if (presence.isPending) return <PageLoading />;
  if (presence.isError) return <QueryError error={presence.error} onRetry={() => void presence.refetch()} />;
  return (
    <>
      <PageHeader
        title="在岗登记"
        description={
          presence.data.canManage
            ? '本人和本中心人员的离岗、返岗登记（AB岗）：A 岗离岗时由 B 岗顶岗，保证每个窗口都有人办理'
            : '下村、开会、请假前登记离岗，窗口办件由 B 岗顶岗；您顶岗的窗口和办件也在这里'
        }
      />
      <MyPresenceCard presence={presence.data} />
      <CoveringCard presence={presence.data} />
      {presence.data.canManage && <StaffPresenceTable presence={presence.data} />}
    </>
  );
}
