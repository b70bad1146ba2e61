import { Space, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { runningStaffClocks } from '@domain/petitions/petitions';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Petition } from '../api/petitions';
import { GroupTag, PetitionLightTag, PetitionStatusTag } from './petition-tags';

interface Props {
  petitions: Petition[];
  loading?: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
}

/**
 * The clocks the center still has to meet, the nearest first, each with its light: the row's light is the worst of
 * them, so the ledger shows which clock makes it red (a promise to answer in 3 days, not the acceptance date).
 */
function RunningClocks({ petition }: { petition: Petition }) {
  if (petition.clocks.length === 0) return <Typography.Text type="secondary">当场解决，没有时限</Typography.Text>;
  const running = runningStaffClocks(petition.clocks);
  if (running.length === 0) return <Typography.Text type="secondary">没有进行中的时限</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {running.map((c) => (
        <span key={c.name}>
          {c.title}：
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatDate(c.dueOn)}前 <PetitionLightTag light={c.light} />
          </span>
        </span>
      ))}
    </Space>
  );
}

/** 信访登记台账: time (to the hour), who (phone masked), what, how many, how it is handled, the clocks, the state. */
export function PetitionsTable({ petitions, loading, total, page, pageSize, onPage }: Props) {
  return (
    <Table<Petition>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={petitions}
      data-testid="petitions-table"
      locale={{ emptyText: '没有信访登记' }}
      scroll={{ x: 1100 }}
      pagination={onPage ? { current: page, pageSize, total, onChange: onPage, showTotal: (n) => `共 ${n} 件` } : false}
      columns={[
        {
          title: '编号',
          dataIndex: 'petitionNo',
          render: (no: string, p) => (
            <Link to="/petitions/$id" params={{ id: p.id }} data-testid="petition-link" style={{ whiteSpace: 'nowrap' }}>
              {no}
            </Link>
          ),
        },
        { title: '来访时间', dataIndex: 'receivedAt', width: 150, render: (at: string, p) => `${formatDateTime(at).slice(0, -3)}时（${p.channelName}）` },
        {
          title: '信访人',
          dataIndex: 'name',
          render: (name: string, p) => (
            <Space direction="vertical" size={0}>
              <span>
                {name}
                {p.sex && `，${p.sex === 'male' ? '男' : '女'}`}
                {p.age !== null && `，${p.age}岁`}
              </span>
              {p.phone && (
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {p.phone}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: '反映问题',
          dataIndex: 'issue',
          render: (issue: string, p) => (
            <Space direction="vertical" size={2}>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 360 }} title={issue}>
                {issue}
              </Typography.Paragraph>
              <Space size={4} wrap>
                {p.group && <GroupTag persons={p.persons} />}
                {p.urgency === 'urgent' && <Tag color="volcano">紧急</Tag>}
                {p.earlierVisits > 0 && <Tag color="orange">既往来访 {p.earlierVisits} 次</Tag>}
              </Space>
            </Space>
          ),
        },
        { title: '处理方式', dataIndex: 'handlingName', width: 96 },
        { title: '接待人', dataIndex: 'receivedByName', width: 90 },
        { title: '时限', key: 'due', width: 280, render: (_: unknown, p) => <RunningClocks petition={p} /> },
        { title: '状态', dataIndex: 'status', render: (_: unknown, p) => <PetitionStatusTag status={p.status} /> },
      ]}
    />
  );
}
