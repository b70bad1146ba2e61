import { Alert, Button } from 'antd';
import { CHANNEL_NAMES } from '@domain/vocabulary/channels';
import { useOrgNames, useWindowNames } from '../api/get-dashboard';
import type { LedgerDrillSearch } from '../api/ledger-search';

const VIEW_NAMES: Record<NonNullable<LedgerDrillSearch['view']>, string> = {
  held: '本中心在办',
  'due-today': '今日到期',
  extensions: '延期待批',
  refusals: '否定报备',
  'refusals-to-review': '否定报备待审查',
  mine: '我的窗口',
  'first-responded': '我首问的办件',
  incoming: '待接收',
  joint: '联办待审',
  'sent-up': '已上报',
  'to-deliver': '待送达',
  objections: '异议待答复',
  covering: '顶岗办理',
  'deadline-changed': '期限已调整',
};

/**
 * On the ledger: the filters a dashboard's or a report's number opened it with (which the ledger's own filter bar does not show),
 * in words, and a way back to the whole ledger.
 */
export function LedgerDrillNote({ value, onClear }: { value: LedgerDrillSearch; onClear: () => void }) {
  const orgNames = useOrgNames(Boolean(value.orgId));
  const windowNames = useWindowNames(value.orgId, Boolean(value.windowId && value.orgId));
  const parts: string[] = [];
  if (value.view) parts.push(VIEW_NAMES[value.view]);
  if (value.orgId) parts.push(`${orgNames.data?.get(value.orgId) ?? '所选中心'}${value.orgOnly === 'true' ? '（本级，不含下级）' : '（含下级）'}`);
  if (value.channel) parts.push(`收件渠道：${CHANNEL_NAMES[value.channel]}`);
  if (value.windowId) parts.push(windowNames.data?.get(value.windowId) ?? '所选窗口');
  if (value.overdue === 'true') parts.push('逾期未办结');
  if (value.dueToday === 'true') parts.push('今日到期');
  if (value.completedFrom || value.completedTo) {
    const finished = value.onTime === 'true' ? '按时办结' : '办结';
    parts.push(value.completedFrom === value.completedTo ? `${value.completedFrom} ${finished}` : `${value.completedFrom ?? '…'} 至 ${value.completedTo ?? '…'} ${finished}`);
  }
  if (value.overdueFrom && value.overdueTo) parts.push(`${value.overdueFrom} 至 ${value.overdueTo} 超期（超过办结时限办结，或到期仍未办结）`);
  if (parts.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="ledger-drill-note"
      title={`按统计数字筛选：${parts.join(' · ')}`}
      action={
        <Button size="small" onClick={onClear}>
          查看全部办件
        </Button>
      }
    />
  );
}
