import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import type { HopViolation } from '../api/get-hop-violations';

const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

/** 转报超时: each hop (村级转报乡镇、乡镇上报县级、结果返回群众) done after its limit, or still not done. */
export function HopViolationsTable({ violations, loading }: { violations: HopViolation[]; loading: boolean }) {
  const columns: TableColumnsType<HopViolation> = [
    {
      title: '办件编号',
      dataIndex: 'caseNo',
      width: 215,
      render: (caseNo: string, v) => (
        <Link to="/cases/$id" params={{ id: v.caseId }} style={{ whiteSpace: 'nowrap' }}>
          {caseNo}
        </Link>
      ),
    },
    { title: '办理事项', dataIndex: 'itemName', ellipsis: true },
    {
      title: '环节',
      dataIndex: 'hopName',
      width: 160,
      render: (name: string, v) => (
        <Space size={4}>
          {name}
          {v.urgent && <Tag color="red">急件</Tag>}
        </Space>
      ),
    },
    {
      title: '从 → 到',
      key: 'route',
      width: 150,
      render: (_: unknown, v) => nowrap(`${v.from} → ${v.to}`),
    },
    { title: '时限', dataIndex: 'dueAt', width: 165, render: (at: string) => nowrap(formatDateTime(at)) },
    {
      title: '完成时间',
      dataIndex: 'doneAt',
      width: 165,
      render: (at: string | null | undefined) =>
        at ? (
          <Typography.Text type="warning">{nowrap(formatDateTime(at))}</Typography.Text>
        ) : (
          <Typography.Text type="danger" strong>
            尚未完成
          </Typography.Text>
        ),
    },
  ];
  return (
    <Table<HopViolation>
      rowKey={(v) => `${v.caseId}-${v.hop}-${v.dueAt}`}
      size="middle"
      columns={columns}
      dataSource={violations}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
      locale={{ emptyText: <Typography.Text type="secondary">没有超时的转报、上报和结果返回</Typography.Text> }}
      scroll={{ x: 1010 }}
    />
  );
}
