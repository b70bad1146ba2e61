import { Alert } from 'antd';
import { useMemo, useState } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useCenterWindows, useHallLive, useHallServices } from '@/features/hall-queue/api/hall-queue';
import { QueuePanel } from '@/features/hall-queue/components/queue-panel';
import { defaultWindow, WindowPicker } from '@/features/hall-queue/components/window-picker';
import { useMe } from '@/lib/auth';

/** 叫号 (issue 12 §1): the clerk calls the next number to their window and serves it into a case. */
export function HallQueuePage() {
  const me = useMe();
  const orgId = me.user.orgId;
  const windows = useCenterWindows(orgId);
  const services = useHallServices(orgId);
  // the windows some hall service calls to: a number can only be called to one of them
  const calling = useMemo(() => new Set((services.data ?? []).flatMap((s) => s.windowIds)), [services.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const windowId = chosen ?? (windows.data && services.data ? defaultWindow(windows.data, me.user.id, calling) : null);
  useHallLive(orgId, windowId);

  if (windows.isPending || services.isPending) return <PageLoading />;
  if (windows.isError) return <QueryError error={windows.error} onRetry={() => void windows.refetch()} />;
  if (services.isError) return <QueryError error={services.error} onRetry={() => void services.refetch()} />;
  return (
    <>
      <PageHeader
        title="叫号"
        description="叫下一位群众到本窗口，屏幕显示并语音播报；开始办理后进入受理登记，办件与排队号关联。"
        extra={<WindowPicker windows={windows.data} calling={calling} value={windowId} onChange={setChosen} loading={false} />}
      />
      {windowId && !calling.has(windowId) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本窗口没有取号服务，叫不到号"
          description="请在右上角改选您所在的其他窗口；如本窗口也要叫号，请中心主任在“大厅服务设置”中把服务分到本窗口。"
        />
      )}
      {windowId ? (
        <QueuePanel key={windowId} orgId={orgId} windowId={windowId} windows={windows.data} />
      ) : (
        <Alert type="info" showIcon title="请先在右上角选择您所在的窗口" description={windows.data.length === 0 ? '本中心还没有窗口，请中心主任在“窗口管理”中设置。' : undefined} />
      )}
    </>
  );
}
