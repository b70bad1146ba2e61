import { Tag, Tooltip } from 'antd';
import { MESSAGE_STATUS_NAMES, type MessageStatus } from '@domain/notifications/sending';

const COLORS: Record<MessageStatus, string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** 待发送 / 已发送 / 发送失败, with why a pending one waits. */
export function MessageStatusTag({ status, note }: { status: MessageStatus; note?: string | null }) {
  const tag = (
    <Tag color={COLORS[status]} variant="filled" data-testid="message-status">
      {MESSAGE_STATUS_NAMES[status]}
    </Tag>
  );
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
}
