import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import { centerTitle } from '@/lib/levels';
import type { BatchSummary } from '../api/batch-schema';
import { BatchStatus } from './batch-status';

interface Props {
  batches: BatchSummary[];
  loading: boolean;
}

/** 报送批次: the batches the villages sent, newest first; a row opens its 报送清单. */
export function BatchesTable({ batches, loading }: Props) {
  const navigate = useNavigate();
  // A county sees the batches of several townships: then it matters which center each one went to.
  const severalTownships = new Set(batches.map((b) => b.townshipOrgId)).size > 1;
  const columns: TableColumnsType<BatchSummary> = [
    {
      title: '批次号',
      dataIndex: 'batchNo',
      width: 250,
      render: (batchNo: string, b) => (
        <Link to="/villages/batches/$id" params={{ id: b.id }} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          {batchNo}
        </Link>
      ),
    },
    { title: '报送单位', dataIndex: 'villageName', ellipsis: true, render: (name: string) => centerTitle({ name, level: 'village' }) },
    ...(severalTownships
      ? [{ title: '接收单位', dataIndex: 'townshipName', ellipsis: true, render: (name: string) => centerTitle({ name, level: 'township' }) }]
      : []),
    { title: '报送人', dataIndex: 'sentBy', width: 100 },
    { title: '报送时间', dataIndex: 'sentAt', width: 170, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: '件数', dataIndex: 'caseCount', width: 70, align: 'right', render: (n: number) => `${n} 件` },
    { title: '接收状态', key: 'received', width: 280, render: (_: unknown, b) => <BatchStatus batch={b} /> },
  ];
  return (
    <Table<BatchSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={batches}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 批` }}
      onRow={(b) => ({ onClick: () => void navigate({ to: '/villages/batches/$id', params: { id: b.id } }), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Typography.Text type="secondary">暂无报送批次</Typography.Text> }}
      scroll={{ x: 960 }}
    />
  );
}
