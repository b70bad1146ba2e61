import { Card, Descriptions, Space, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import { centerTitle } from '@/lib/levels';
import type { Batch } from '../api/batch-schema';
import { BatchStatus } from './batch-status';

/** The head of a 报送清单: who sent it to whom, when, and whether the township has received it. */
export function BatchOverview({ batch }: { batch: Batch }) {
  return (
    <Card className="no-print" style={{ marginBottom: 16 }}>
      <Space wrap align="center" size={[12, 8]} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="batch-no">
          {batch.batchNo}
        </Typography.Title>
        <span data-testid="batch-status">
          <BatchStatus batch={batch} detail={false} />
        </span>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="报送单位">{centerTitle({ name: batch.villageName, level: 'village' })}</Descriptions.Item>
        <Descriptions.Item label="接收单位">{centerTitle({ name: batch.townshipName, level: 'township' })}</Descriptions.Item>
        <Descriptions.Item label="办件数量">{batch.caseCount} 件</Descriptions.Item>
        <Descriptions.Item label="报送人">{batch.sentBy}</Descriptions.Item>
        <Descriptions.Item label="报送时间">{formatDateTime(batch.sentAt)}</Descriptions.Item>
        <Descriptions.Item label="接收">
          {batch.receivedAt ? (
            `${batch.receivedBy ?? ''}，${formatDateTime(batch.receivedAt)}`
          ) : (
            <Typography.Text type="warning">尚未接收</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
