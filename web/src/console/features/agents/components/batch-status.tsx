import { Space, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import type { BatchSummary } from '../api/batch-schema';

/** 已接收 (by whom, when) or 待接收. */
export function BatchStatus({ batch, detail = true }: { batch: BatchSummary; detail?: boolean }) {
  if (!batch.receivedAt) return <Tag color="orange">待接收</Tag>;
  return (
    <Space size={4} wrap>
      <Tag color="success">已接收</Tag>
      {detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {batch.receivedBy ?? ''} · {formatDateTime(batch.receivedAt)}
        </Typography.Text>
      )}
    </Space>
  );
}
