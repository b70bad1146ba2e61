import { Card, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import type { ComplaintDetail } from '../api/complaints';

const COLOURS: Record<string, string> = { register: 'gray', accept: 'blue', investigate: 'blue', handle: 'purple', answer: 'green', visit: 'green', archive: 'gray', extend: 'orange', remind: 'red', merge: 'gray', 'merged-in': 'gray' };

/** 办理过程: every step, oldest first — what, who, when, what they wrote. */
export function ComplaintTimeline({ complaint }: { complaint: ComplaintDetail }) {
  return (
    <Card title="办理过程" size="small" style={{ marginBottom: 16 }} data-testid="complaint-timeline">
      <Timeline
        items={complaint.events.map((e) => ({
          key: e.seq,
          color: COLOURS[e.type] ?? 'blue',
          content: (
            <div>
              <Typography.Text strong>{e.typeName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.byName} · {formatDateTime(e.at)}
              </Typography.Text>
              {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
