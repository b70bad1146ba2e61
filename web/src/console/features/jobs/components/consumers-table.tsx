import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTimeSeconds as formatInstant } from '@/lib/format';
import type { ConsumerStatus } from '../api/get-jobs';

/** Each consumer of case events: how far it has read, and whether it is failing (it is retried with backoff). */
export function ConsumersTable({ consumers, loading }: { consumers: ConsumerStatus[]; loading: boolean }) {
  const columns: TableColumnsType<ConsumerStatus> = [
    {
      title: '订阅者',
      key: 'consumer',
      render: (_, c) => (
        <>
          <div>{c.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.name}
          </Typography.Text>
        </>
      ),
    },
    { title: '读取位置', dataIndex: 'cursor', width: 100, render: (n: number) => (n > 0 ? `#${n}` : '尚未读取') },
    { title: '已处理', dataIndex: 'handled', width: 100, render: (n: number) => `${n} 条` },
    { title: '上次处理', dataIndex: 'lastHandledAt', width: 200, render: (at: string | null) => (at ? formatInstant(at) : '—') },
    {
      title: '状态',
      key: 'state',
      width: 320,
      render: (_, c) =>
        c.failures > 0 ? (
          <>
            <Tag color="red">连续失败 {c.failures} 次</Tag>
            {c.retryAt && <span>{formatInstant(c.retryAt)} 重试</span>}
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {c.lastError}
              </Typography.Text>
            </div>
          </>
        ) : (
          <>
            <Tag color="green">正常</Tag>
            {c.lastError && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                上次失败 {formatInstant(c.lastErrorAt)}：{c.lastError}
              </Typography.Text>
            )}
          </>
        ),
    },
  ];
  return <Table<ConsumerStatus> rowKey="name" columns={columns} dataSource={consumers} loading={loading} pagination={false} />;
}
