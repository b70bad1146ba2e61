import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Radio, Space, Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { centerNow, formatDateTime } from '@/lib/format';
import { useReceptions, type Reception } from '@/features/receptions/api/receptions';
import { ReceptionForm } from '@/features/receptions/components/reception-form';
import { usePetitions } from '@/features/petitions/api/petitions';

/**
 * 领导接待: the center's receptions by the leader on duty, of one day or one month; the leader records new ones and
 * follows them up (修改: 处理情况 once the matter is done), as the director may.
 */
export function DutyReceptionsPage() {
  const [by, setBy] = useState<'day' | 'month'>('month');
  const [date, setDate] = useState(centerNow());
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Reception | null>(null);
  const query = by === 'day' ? { day: date.format('YYYY-MM-DD') } : { month: date.format('YYYY-MM') };
  const list = useReceptions(query);
  const [q, setQ] = useState('');
  const petitions = usePetitions({ open: true, q: q || undefined, pageSize: 30 });
  const petitionOptions = (petitions.data?.petitions ?? []).map((p) => ({ value: p.id, label: `${p.petitionNo} ${p.name}：${p.issue.slice(0, 30)}` }));
  return (
    <>
      <PageHeader
        title="领导接待"
        description="带班领导接待来访群众的记录：来访人、反映事项和处理情况；涉及信访的，关联信访事项或同时登记为信访事项。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="reception-new">
            登记接待
          </Button>
        }
      />
      <Card
        size="small"
        title={
          <Space wrap>
            <Radio.Group
              value={by}
              onChange={(e) => setBy(e.target.value as 'day' | 'month')}
              optionType="button"
              options={[
                { value: 'day', label: '按日' },
                { value: 'month', label: '按月' },
              ]}
            />
            <DatePicker
              picker={by === 'day' ? 'date' : 'month'}
              allowClear={false}
              value={date}
              format={by === 'day' ? 'YYYY-MM-DD' : 'YYYY年M月'}
              onChange={(d) => d && setDate(d)}
              aria-label="接待日期"
            />
          </Space>
        }
      >
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Reception>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.receptions ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description="这段时间没有接待记录" /> }}
            columns={[
              { title: '日期', dataIndex: 'day', width: 110 },
              { title: '带班领导', dataIndex: 'leaderName', width: 100 },
              {
                title: '来访人',
                key: 'visitor',
                width: 150,
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{r.visitorName}</Typography.Text>
                    {r.visitorPhone && <Typography.Text type="secondary">{r.visitorPhone}</Typography.Text>}
                  </Space>
                ),
              },
              { title: '反映事项', dataIndex: 'matter', render: (t: string) => <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{t}</Typography.Paragraph> },
              {
                title: '处理情况',
                key: 'handling',
                render: (_, r) => (
                  <>
                    <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.handling}</Typography.Paragraph>
                    {r.updatedAt && (
                      <Typography.Text type="secondary">
                        {r.updatedByName ?? ''} {formatDateTime(r.updatedAt)} 修改
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              {
                title: '信访事项',
                key: 'petition',
                width: 140,
                render: (_, r) =>
                  r.petitionId ? (
                    <Link to="/petitions/$id" params={{ id: r.petitionId }}>
                      {r.petitionNo ?? '查看'}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              { title: '登记时间', dataIndex: 'createdAt', width: 160, render: (at: string) => formatDateTime(at) },
              {
                title: '操作',
                key: 'actions',
                width: 80,
                render: (_, r) =>
                  r.canChange && (
                    <Button size="small" onClick={() => setEditing(r)} data-testid={`reception-edit-${r.id}`}>
                      修改
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <ReceptionForm open={open} onClose={() => setOpen(false)} petitions={{ options: petitionOptions, loading: petitions.isFetching, onSearch: setQ }} />
      <ReceptionForm open={editing !== null} editing={editing} onClose={() => setEditing(null)} petitions={{ options: [], loading: false, onSearch: () => {} }} />
    </>
  );
}
