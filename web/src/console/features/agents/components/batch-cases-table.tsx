import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import type { BatchCase } from '../api/batch-schema';
import './batch-sheet.css';

/** The cases of a batch with the paper materials the agent handed over with each. */
export function BatchCasesTable({ cases }: { cases: BatchCase[] }) {
  const columns: TableColumnsType<BatchCase> = [
    { title: '序号', key: 'index', width: 64, align: 'center', render: (_: unknown, __, i) => i + 1 },
    {
      title: '办件编号',
      dataIndex: 'caseNo',
      width: 220,
      render: (caseNo: string, c) => (
        <Link to="/cases/$id" params={{ id: c.id }} style={{ whiteSpace: 'nowrap' }}>
          {caseNo}
        </Link>
      ),
    },
    {
      title: '办理事项',
      dataIndex: 'itemName',
      render: (name: string, c) => (
        <span>
          {name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.itemCode}</Typography.Text>
        </span>
      ),
    },
    { title: '申请人', dataIndex: 'applicantName', width: 100 },
    {
      title: '移交材料',
      dataIndex: 'materials',
      render: (materials: string[]) =>
        materials.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <ol className="batch-materials">
            {materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        ),
    },
    {
      title: '接收',
      dataIndex: 'received',
      width: 90,
      render: (received: boolean) => (received ? <Tag color="success">已接收</Tag> : <Tag color="orange">在途</Tag>),
    },
  ];
  return (
    <Card title={`报送清单（共 ${cases.length} 件）`} className="no-print" style={{ marginBottom: 16 }} data-testid="batch-cases">
      <Table<BatchCase>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={cases}
        pagination={false}
        locale={{ emptyText: '本批次没有办件' }}
        scroll={{ x: 960 }}
      />
    </Card>
  );
}
