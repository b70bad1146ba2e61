import { Badge, Button, List, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import type { InboxMessage } from '../api/messages';
import { useMarkRead } from '../api/messages';

/** My messages, newest first; an unread one is marked and can be marked read (opening its case marks it too). */
export function InboxList({ messages, loading, onOpenCase }: { messages: InboxMessage[]; loading: boolean; onOpenCase?: () => void }) {
  const markRead = useMarkRead();
  return (
    <List<InboxMessage>
      loading={loading}
      dataSource={messages}
      locale={{ emptyText: '暂无消息' }}
      renderItem={(m) => (
        <List.Item
          data-testid="inbox-message"
          style={{ alignItems: 'flex-start' }}
          actions={
            m.readAt
              ? [<Typography.Text key="read" type="secondary">已读</Typography.Text>]
              : [
                  <Button key="read" size="small" type="link" loading={markRead.isPending && markRead.variables === m.id} onClick={() => markRead.mutate(m.id)}>
                    标为已读
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            title={
              <Space size={8}>
                {!m.readAt && <Badge status="processing" />}
                <Typography.Text strong={!m.readAt}>{m.templateName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  {formatDateTime(m.createdAt)}
                </Typography.Text>
              </Space>
            }
            description={
              <Space direction="vertical" size={2}>
                <Typography.Text>{m.text}</Typography.Text>
                {m.caseId && (
                  <Link
                    to="/cases/$id"
                    params={{ id: m.caseId }}
                    onClick={() => {
                      if (!m.readAt) markRead.mutate(m.id);
                      onOpenCase?.();
                    }}
                  >
                    查看办件
                  </Link>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
