import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '@/lib/format';
import { PAGE_SIZE, type AuditEntry } from '../api/get-audit';

/** Entries an auditor looks at first: refusals and failed sign-ins stand out in red. */
const ALERTING = new Set(['auth.failed', 'auth.locked', 'http.forbidden', 'user.resetPasswordCli']);
const tagColor = (action: string) =>
  ALERTING.has(action) ? 'red' : action.startsWith('export.') || action === 'case.read' ? 'orange' : action.startsWith('user.') ? 'purple' : 'blue';

interface Props {
  entries: AuditEntry[];
  total: number;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
  onUser: (userId: string) => void;
}

export function AuditTable({ entries, total, page, loading, onPage, onUser }: Props) {
  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: '人员',
      key: 'user',
      width: 150,
      render: (_, e) =>
        e.userId ? (
          <Tooltip title="只看此人的记录">
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onUser(e.userId!)}>
              {e.userName ?? e.username ?? e.userId}
              {e.username && <span style={{ color: '#8c8c8c', marginInlineStart: 4 }}>{e.username}</span>}
            </Button>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{e.action.startsWith('auth.') ? '未登录' : '系统'}</Typography.Text>
        ),
    },
    { title: '操作', dataIndex: 'actionName', width: 190, render: (name: string, e) => <Tag color={tagColor(e.action)}>{name}</Tag> },
    { title: '内容', key: 'detail', render: (_, e) => <span style={{ wordBreak: 'break-all' }}>{e.detailText}</span> },
    { title: '来源地址', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      expandable={{
        expandedRowRender: (e) => (
          <Typography.Paragraph style={{ margin: 0, fontSize: 12 }}>
            <div>原始记录：{JSON.stringify({ targetType: e.targetType, targetId: e.targetId, detail: e.detail })}</div>
            <div>本条哈希：<Typography.Text code>{e.hash}</Typography.Text></div>
          </Typography.Paragraph>
        ),
      }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        showTotal: (t) => `共 ${t} 条`,
        onChange: onPage,
      }}
      locale={{ emptyText: '没有符合条件的记录' }}
      scroll={{ x: 'max-content' }}
    />
  );
}
