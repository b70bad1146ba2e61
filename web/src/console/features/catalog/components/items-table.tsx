import { Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useLevelNames } from '@/lib/auth';
import { LEVEL_COLORS, levelLabel, type Level } from '@/lib/levels';
import { ITEM_FIELD_LABELS as L, ITEM_KIND_LABELS, type Item } from '../api/item-schema';
import { promisedText } from '../utils/describe-item';

interface Props {
  items: Item[];
  loading: boolean;
}

/** The catalog as a table; a row opens the item's service guide. */
export function ItemsTable({ items, loading }: Props) {
  const names = useLevelNames();
  const navigate = useNavigate();

  const columns: TableColumnsType<Item> = [
    { title: L.code, dataIndex: 'code', width: 110, render: (code: string) => <code>{code}</code> },
    {
      title: L.name,
      dataIndex: 'name',
      render: (name: string, item) => (
        <>
          <Link to="/catalog/$code" params={{ code: item.code }} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          {item.aliases.length > 0 && <div style={{ color: '#8c8c8c', fontSize: 12 }}>俗称：{item.aliases.join('、')}</div>}
          {item.status === 'retired' && (
            <Tag color="default" style={{ marginInlineStart: 8 }}>
              已停用
            </Tag>
          )}
        </>
      ),
    },
    { title: L.category, dataIndex: 'category', width: 110 },
    { title: L.department, dataIndex: 'department', width: 200, ellipsis: true },
    {
      title: L.level,
      dataIndex: 'level',
      width: 100,
      render: (level: Level) => <Tag color={LEVEL_COLORS[level]}>{levelLabel(level, names)}</Tag>,
    },
    {
      title: L.kind,
      dataIndex: 'kind',
      width: 100,
      render: (kind: Item['kind']) => <Tag color={kind === 'immediate' ? 'green' : 'orange'}>{ITEM_KIND_LABELS[kind]}</Tag>,
    },
    { title: '承诺时限', key: 'promised', width: 110, render: (_: unknown, item) => promisedText(item) },
    {
      title: '联办',
      dataIndex: 'joint',
      width: 80,
      render: (joint: string[]) =>
        joint.length === 0 ? (
          <span style={{ color: '#bfbfbf' }}>—</span>
        ) : (
          <Tooltip title={`联办部门：${joint.join('、')}`}>
            <Tag color="purple">联办 {joint.length}</Tag>
          </Tooltip>
        ),
    },
  ];

  return (
    <Table<Item>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 项` }}
      onRow={(item) => ({
        onClick: () => void navigate({ to: '/catalog/$code', params: { code: item.code } }),
        style: { cursor: 'pointer' },
      })}
      locale={{ emptyText: '没有找到符合条件的事项，请换个关键词或清除筛选条件' }}
      scroll={{ x: 1000 }}
    />
  );
}
