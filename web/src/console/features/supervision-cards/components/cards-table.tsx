import { Space, Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Card } from '../api/cards';
import { CardLevelTag, CardLightTag, CardStatusTag } from './card-tags';

interface Props {
  cards: Card[];
  loading?: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
  /** on the case page: the case is known, the center column says enough */
  compact?: boolean;
}

/** 督办单 in a list: number, colour, what about, to whom, when, by when (and whether late), where it stands. */
export function CardsTable({ cards, loading, total, page, pageSize, onPage, compact }: Props) {
  return (
    <Table<Card>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      dataSource={cards}
      locale={{ emptyText: '没有督办单' }}
      pagination={onPage ? { current: page, pageSize, total, onChange: onPage, showTotal: (n) => `共 ${n} 份` } : false}
      columns={[
        {
          title: '编号',
          dataIndex: 'cardNo',
          render: (no: string, c) => (
            <Link to="/supervision/cards/$id" params={{ id: c.id }} data-testid="card-link">
              {no}
            </Link>
          ),
        },
        { title: '级别', dataIndex: 'level', render: (_: unknown, c) => <CardLevelTag level={c.level} /> },
        ...(compact
          ? []
          : [
              { title: '督办事项', dataIndex: 'subjectText', render: (t: string, c: Card) => <span title={c.content}>{t}</span> },
              { title: '被督办机构', dataIndex: 'orgName' },
              { title: '发出时间', dataIndex: 'issuedAt', render: (at: string) => formatDateTime(at) },
            ]),
        {
          title: '回告期限',
          dataIndex: 'replyBy',
          render: (d: string, c) => (
            <Space size={4}>
              {formatDate(d)}
              <CardLightTag light={c.light} />
            </Space>
          ),
        },
        {
          title: '状态',
          dataIndex: 'status',
          render: (_: unknown, c) => (
            <Space size={4} direction="vertical">
              <CardStatusTag status={c.status} />
              {c.reply?.late && <Typography.Text type="danger">逾期回告</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}
