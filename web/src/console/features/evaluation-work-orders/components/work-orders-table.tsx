import { Space, Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import type { WorkOrder } from '../api/work-orders';
import { WorkOrderLightTag, WorkOrderStatusTag } from './work-order-tags';

interface Props {
  workOrders: WorkOrder[];
  loading?: boolean;
  total?: number | undefined;
  page?: number;
  pageSize?: number | undefined;
  onPage?: (page: number, pageSize: number) => void;
}

/** 差评整改工单 in a list: number, case, window and person, the 差评, the two deadlines with the light, the status. */
export function WorkOrdersTable({ workOrders, loading, total, page, pageSize, onPage }: Props) {
  return (
    <Table<WorkOrder>
      rowKey="id"
      loading={loading}
      dataSource={workOrders}
      data-testid="work-orders-table"
      locale={{ emptyText: '没有差评整改工单' }}
      pagination={onPage ? { current: page, pageSize, total, onChange: onPage, showTotal: (n) => `共 ${n} 件` } : false}
      columns={[
        {
          title: '工单编号',
          dataIndex: 'workOrderNo',
          render: (no: string, w) => (
            <Link to="/evaluations/work-orders/$id" params={{ id: w.id }} data-testid="work-order-link">
              {no}
            </Link>
          ),
        },
        { title: '办件', dataIndex: 'caseNo', render: (no: string, w) => <span title={w.itemName}>{no}</span> },
        { title: '责任窗口 / 人员', key: 'who', render: (_: unknown, w) => `${w.windowName ?? '未指定窗口'} / ${w.personName ?? '—'}` },
        { title: '评价', dataIndex: 'levelName', render: (n: string) => <Typography.Text type="danger">{n}</Typography.Text> },
        {
          title: '回访核实期限',
          dataIndex: 'visitDueAt',
          render: (at: string, w) => (
            <Space size={4}>
              {formatDateTime(at)}
              {w.status === 'visit_pending' && <WorkOrderLightTag light={w.light} />}
              {w.visitLate && w.status !== 'visit_pending' && <Typography.Text type="danger">逾期回访</Typography.Text>}
            </Space>
          ),
        },
        {
          title: '整改期限',
          dataIndex: 'fixDueAt',
          render: (at: string, w) => (
            <Space size={4}>
              {formatDateTime(at)}
              {w.status === 'rectifying' && <WorkOrderLightTag light={w.light} />}
              {w.fixLate && w.status !== 'rectifying' && w.status !== 'visit_pending' && <Typography.Text type="danger">逾期整改</Typography.Text>}
            </Space>
          ),
        },
        { title: '状态', dataIndex: 'status', render: (s: string) => <WorkOrderStatusTag status={s} /> },
      ]}
    />
  );
}
