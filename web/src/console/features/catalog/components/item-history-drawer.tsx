import { Drawer, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '@/components/feedback/query-error';
import { formatDateTime } from '@/lib/format';
import { useItemHistory, type ItemHistoryEntry } from '../api/get-item-history';
import { changedFields } from '../utils/changed-fields';

const ACTIONS: Record<ItemHistoryEntry['action'], { label: string; color: string }> = {
  created: { label: '新建', color: 'green' },
  updated: { label: '修改', color: 'blue' },
  retired: { label: '停用', color: 'red' },
  imported: { label: '导入', color: 'cyan' },
};

/** 修改记录: every version of the item, who saved it, when, and which fields changed. */
export function ItemHistoryDrawer({ code, open, onClose }: { code: string; open: boolean; onClose: () => void }) {
  const history = useItemHistory(code, open);
  const entries = [...(history.data?.history ?? [])].sort((a, b) => b.version - a.version);
  const byVersion = new Map(entries.map((e) => [e.version, e]));

  return (
    <Drawer title="修改记录" open={open} onClose={onClose} size={480}>
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      {history.isLoading && <Typography.Text type="secondary">正在加载…</Typography.Text>}
      {history.data && entries.length === 0 && <Typography.Text type="secondary">暂无修改记录。</Typography.Text>}
      <Timeline
        items={entries.map((entry) => {
          const action = ACTIONS[entry.action];
          const changed = changedFields(byVersion.get(entry.version - 1)?.snapshot, entry.snapshot);
          return {
            color: action.color,
            content: (
              <div>
                <div>
                  <Tag color={action.color}>{action.label}</Tag>
                  <Typography.Text strong>第 {entry.version} 版</Typography.Text>
                </div>
                <Typography.Text type="secondary">
                  {formatDateTime(entry.at)} · {entry.byName ?? '系统'}
                </Typography.Text>
                {changed.length > 0 && <div style={{ marginTop: 4 }}>修改了：{changed.join('、')}</div>}
                {entry.action === 'updated' && changed.length === 0 && byVersion.has(entry.version - 1) && (
                  <div style={{ marginTop: 4, color: '#8c8c8c' }}>内容无变化（重新保存）</div>
                )}
                {entry.action === 'retired' && typeof entry.snapshot.retiredReason === 'string' && (
                  <div style={{ marginTop: 4 }}>停用原因：{entry.snapshot.retiredReason}</div>
                )}
              </div>
            ),
          };
        })}
      />
    </Drawer>
  );
}
