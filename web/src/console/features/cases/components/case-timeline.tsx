import { Card, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import type { Case } from '../api/case-schema';
import { eventDetails, eventName, statusName } from '../utils/event-text';

/** Every event of the case, oldest first: what, who, when, and its details. */
export function CaseTimeline({ c }: { c: Case }) {
  return (
    <Card title="办理过程" size="small" style={{ marginBottom: 16 }}>
      <Timeline
        items={c.events.map((e, i) => ({
          key: i,
          color: e.type === 'return' || e.toStatus === 'returned' ? 'red' : e.type === 'complete' || e.type === 'deliver' ? 'green' : 'blue',
          content: (
            <div>
              <Typography.Text strong>{eventName(e.type)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.by} · {formatDateTime(e.at)}
              </Typography.Text>
              {e.toStatus && e.toStatus !== e.fromStatus && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  → {statusName(e.toStatus)}
                </Typography.Text>
              )}
              {eventDetails(e.data, e.toStatus).map((d) => (
                <div key={d.label} style={{ fontSize: 13, color: '#595959' }}>
                  {d.label}：{d.value}
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
