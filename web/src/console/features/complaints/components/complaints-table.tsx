import { Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Complaint } from '../api/complaints';
import { ComplaintLight, ComplaintStatusTag, UpheldTag } from './complaint-tags';

interface Props {
  complaints: Complaint[];
  loading?: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
}

/** 投诉台账: number, light, title, source, complainant, when received, by when answered, where it stands. */
export function ComplaintsTable({ complaints, loading, total, page, pageSize, onPage }: Props) {
  return (
    <Table<Complaint>
      rowKey="id"
      loading={loading}
      dataSource={complaints}
      locale={{ emptyText: '没有投诉' }}
      scroll={{ x: 1000 }}
      pagination={onPage ? { current: page, pageSize, total, onChange: onPage, showTotal: (n) => `共 ${n} 件` } : false}
      columns={[
        { title: '亮灯', dataIndex: 'light', width: 80, render: (_: unknown, c) => <ComplaintLight light={c.light} /> },
        {
          title: '投诉编号',
          dataIndex: 'complaintNo',
          render: (no: string, c) => (
            <Link to="/complaints/$id" params={{ id: c.id }} data-testid="complaint-link">
              {no}
            </Link>
          ),
        },
        {
          title: '标题',
          dataIndex: 'title',
          render: (title: string, c) => (
            <>
              <div>{title}</div>
              {c.mergedInto && <Typography.Text type="secondary">已并入 {c.mergedInto.complaintNo}</Typography.Text>}
            </>
          ),
        },
        { title: '来源', dataIndex: 'sourceName' },
        { title: '投诉人', render: (_: unknown, c) => `${c.complainant.name} ${c.complainant.phone}` },
        { title: '收到时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
        {
          title: '答复时限',
          render: (_: unknown, c) => (
            <>
              {formatDate(c.extendedDue ?? c.dueDate)}
              {c.extendedDue && <Typography.Text type="secondary">（已延期）</Typography.Text>}
              {c.overdueDays > 0 && <Typography.Text type="danger">（超期 {c.overdueDays} 个工作日）</Typography.Text>}
            </>
          ),
        },
        {
          title: '状态',
          render: (_: unknown, c) => (
            <>
              <ComplaintStatusTag status={c.status} />
              <UpheldTag upheld={c.upheld} />
            </>
          ),
        },
      ]}
    />
  );
}
