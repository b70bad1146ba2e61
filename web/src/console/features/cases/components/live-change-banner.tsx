import { Alert, Button } from 'antd';
import { useLiveCaseChange } from '../api/live-updates';
import { eventName } from '../utils/event-text';

/**
 * Shown at once when another clerk (or another center) changed the case open on this page: the page is not
 * reloaded under the clerk's hands (a half-filled form stays), but acting on the old version would be refused.
 */
export function LiveChangeBanner({ caseId, version, onReload }: { caseId: string; version: number; onReload: () => void }) {
  const change = useLiveCaseChange(caseId, version);
  if (!change) return null;
  return (
    <Alert
      className="no-print"
      data-testid="live-change-banner"
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`该办件刚被他人办理（${eventName(change.action)}），请刷新查看`}
      action={
        <Button size="small" type="primary" onClick={onReload}>
          刷新
        </Button>
      }
    />
  );
}
