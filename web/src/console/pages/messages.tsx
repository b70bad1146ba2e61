import { Button, Card, Pagination, Segmented } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { INBOX_PAGE_SIZE, useInbox, useMarkAllRead } from '@/features/notifications/api/messages';
import { InboxList } from '@/features/notifications/components/inbox-list';

/** 我的消息: the in-app messages sent to me (yellow and red lights, supervision cards …), newest first. */
export function MessagesPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox({ page, unread: unreadOnly });
  const markAll = useMarkAllRead();
  const unread = inbox.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title="我的消息"
        description="亮灯预警、督办单等发给我的站内消息"
        extra={
          <Button disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            全部标为已读
          </Button>
        }
      />
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读（${unread}）` },
          ]}
        />
        {inbox.isError ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : (
          <>
            <InboxList messages={inbox.data?.messages ?? []} loading={inbox.isLoading} />
            {(inbox.data?.total ?? 0) > INBOX_PAGE_SIZE && (
              <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={INBOX_PAGE_SIZE} total={inbox.data?.total ?? 0} showSizeChanger={false} onChange={setPage} />
            )}
          </>
        )}
      </Card>
    </>
  );
}
