import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useInbox, useMarkAllRead } from '../api/messages';
import { InboxList } from './inbox-list';

/** The header's bell: my unread count (kept live by the console's live stream) and the latest messages in a drawer. */
export function InboxBell() {
  const [open, setOpen] = useState(false);
  const inbox = useInbox();
  const markAll = useMarkAllRead();
  const unread = inbox.data?.unread ?? 0;
  return (
    <>
      <Button type="text" aria-label={unread > 0 ? `消息，${unread} 条未读` : '消息'} data-testid="inbox-bell" onClick={() => setOpen(true)}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
      <Drawer
        title="我的消息"
        open={open}
        onClose={() => setOpen(false)}
        width={440}
        extra={
          <Space>
            <Button size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
              全部标为已读
            </Button>
            <Link to="/messages" onClick={() => setOpen(false)}>
              查看全部
            </Link>
          </Space>
        }
      >
        <InboxList messages={inbox.data?.messages ?? []} loading={inbox.isLoading} onOpenCase={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
