import { Card, Timeline, Typography } from 'antd';
import { formatDate, formatDateTime } from '@/lib/format';
import type { CardDetail } from '../api/cards';

const COLOURS = { issue: 'blue', reply: 'green', return: 'orange', raise: 'red', close: 'gray' } as const;

/** 督办记录: every step of the card, oldest first — who, when, what they wrote, the colour and reply date after it. */
export function CardHistory({ card }: { card: CardDetail }) {
  return (
    <Card title="督办记录" size="small" style={{ marginBottom: 16 }} data-testid="card-history">
      <Timeline
        items={card.events.map((e) => ({
          key: e.seq,
          color: COLOURS[e.action],
          content: (
            <div>
              <Typography.Text strong>{e.actionName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.byName} · {formatDateTime(e.at)}
              </Typography.Text>
              {(e.action === 'issue' || e.action === 'raise') && (
                <div style={{ fontSize: 13, color: '#595959' }}>
                  {e.levelName}，回告期限 {formatDate(e.replyBy)}
                </div>
              )}
              {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
            </div>
          ),
        }))}
      />
      {card.prints.length > 0 && (
        <Typography.Text type="secondary">
          已打印 {card.prints.length} 次，最近一次：{card.prints[0]!.printedBy} · {formatDateTime(card.prints[0]!.printedAt)}
        </Typography.Text>
      )}
    </Card>
  );
}
