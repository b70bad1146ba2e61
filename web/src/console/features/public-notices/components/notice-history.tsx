import { Drawer, Timeline, Typography } from 'antd';
import { QueryError } from '@/components/feedback/query-error';
import { formatDateTime } from '@/lib/format';
import { useNotice } from '../api/public-notices';

/** Every version of a notice: who published, changed or withdrew it, when, what it said and why. */
export function NoticeHistory({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const notice = useNotice(id);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title="公告的修改记录" size={520}>
      {notice.isError ? (
        <QueryError error={notice.error} onRetry={() => void notice.refetch()} />
      ) : (
        <Timeline
          items={(notice.data?.versions ?? []).map((v) => ({
            key: v.version,
            color: v.action === 'withdraw' ? 'red' : v.action === 'edit' ? 'blue' : 'green',
            content: (
              <div data-testid="notice-version">
                <Typography.Text strong>
                  第 {v.version} 版 · {v.actionName}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(v.at)} · {v.byName}
                  </Typography.Text>
                </div>
                <div>{v.title}</div>
                <Typography.Text type="secondary">
                  {v.startDate} 起，最短 {v.minDays} 天{v.endDate ? `，至 ${v.endDate}` : ''}
                </Typography.Text>
                {v.note && <div>撤下原因：{v.note}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
