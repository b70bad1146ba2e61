import { Button, Space, Table, Tag, Typography } from 'antd';
import type { SupervisionRule } from '../api/rules';
import { formatDateTime } from '@/lib/format';
import { SeverityTag } from './tags';

/** The rules as data: number, what it checks, how, its parameters and switch; an administrator adjusts them. */
export function RulesTable({
  rules,
  loading,
  canEdit,
  onEdit,
  onHistory,
}: {
  rules: SupervisionRule[];
  loading: boolean;
  canEdit: boolean;
  onEdit: (rule: SupervisionRule) => void;
  onHistory: (rule: SupervisionRule) => void;
}) {
  return (
    <Table<SupervisionRule>
      rowKey="code"
      dataSource={rules}
      loading={loading}
      pagination={false}
      columns={[
        { title: '规则编号', dataIndex: 'number', width: 100 },
        {
          title: '规则',
          key: 'name',
          render: (_, r) => (
            <>
              <Typography.Text strong>{r.name}</Typography.Text> <SeverityTag severity={r.severity} name={r.severityName} />
              <div>
                <Typography.Text type="secondary">{r.description}</Typography.Text>
              </div>
            </>
          ),
        },
        { title: '检查方式', dataIndex: 'triggerName', width: 150 },
        {
          title: '参数',
          key: 'parameters',
          width: 200,
          render: (_, r) =>
            r.parameters.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              r.parameters.map((p) => (
                <div key={p.key}>
                  {p.label}：{p.value} {p.unit}
                </div>
              ))
            ),
        },
        {
          title: '开关',
          key: 'enabled',
          width: 80,
          render: (_, r) => (r.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
        },
        {
          title: '最近调整',
          key: 'updated',
          width: 170,
          render: (_, r) => (r.updatedBy ? `${r.updatedBy.name ?? ''} ${formatDateTime(r.updatedAt)}` : <Typography.Text type="secondary">随系统提供</Typography.Text>),
        },
        {
          title: '操作',
          key: 'actions',
          width: 160,
          render: (_, r) => (
            <Space size={0}>
              {canEdit && (
                <Button type="link" onClick={() => onEdit(r)}>
                  调整
                </Button>
              )}
              <Button type="link" onClick={() => onHistory(r)}>
                调整记录
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
