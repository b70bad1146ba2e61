import { Button, Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import { PAGE_SIZE, type Violation } from '../api/violations';
import { SeverityTag, ViolationStatusTag } from './tags';

/** The violations (监察记录): which rule fired, on which case, at which center, the facts in Chinese, the status. */
export function ViolationsTable({
  violations,
  total,
  page,
  loading,
  onPage,
  onCenter,
}: {
  violations: Violation[];
  total: number;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
  onCenter: (orgId: string) => void;
}) {
  return (
    <Table<Violation>
      rowKey="id"
      dataSource={violations}
      loading={loading}
      pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: onPage }}
      locale={{ emptyText: '没有符合条件的监察记录' }}
      scroll={{ x: 1300 }}
      columns={[
        { title: '记录时间', key: 'at', width: 150, render: (_, v) => formatDateTime(v.at) },
        {
          title: '监察规则',
          key: 'rule',
          width: 220,
          render: (_, v) => (
            <>
              <Typography.Text strong>
                {v.ruleNumber} {v.ruleName}
              </Typography.Text>{' '}
              <SeverityTag severity={v.severity} name={v.severityName} />
            </>
          ),
        },
        {
          title: '办件编号',
          key: 'case',
          width: 190,
          render: (_, v) => (
            <Link to="/cases/$id" params={{ id: v.caseId }} style={{ whiteSpace: 'nowrap' }}>
              {v.caseNo}
            </Link>
          ),
        },
        {
          title: '责任中心',
          key: 'org',
          width: 170,
          render: (_, v) => (
            <>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCenter(v.orgId)}>
                {v.orgName ?? '—'}
              </Button>
              {(v.windowName || v.person) && (
                <div>
                  <Typography.Text type="secondary">{[v.windowName, v.person?.name].filter(Boolean).join(' · ')}</Typography.Text>
                </div>
              )}
            </>
          ),
        },
        { title: '触发事实', dataIndex: 'factsText', width: 360, render: (text: string) => <span data-testid="violation-facts">{text}</span> },
        { title: '状态', key: 'status', width: 90, render: (_, v) => <ViolationStatusTag status={v.status} /> },
        {
          title: '操作',
          key: 'open',
          width: 80,
          render: (_, v) => (
            <Link to="/supervision/violations/$id" params={{ id: v.id }}>
              查看
            </Link>
          ),
        },
      ]}
    />
  );
}
