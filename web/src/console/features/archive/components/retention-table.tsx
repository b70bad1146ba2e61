import { Alert, App, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { formatDateTime } from '@/lib/format';
import { RETENTION_NAMES, RETENTION_PERIODS, type RetentionPeriod } from '@domain/archive/terms';
import { useRetentionTable, useSetRetention, type RetentionRow } from '../api/archive';

/**
 * 保管期限表: how long the dossiers of each item are kept. The director sets an item's period (永久 / 30年 / 10年);
 * everyone else reads it. An item not yet in the table is kept for the default period.
 */
export function RetentionTableView({ editable }: { editable: boolean }) {
  const table = useRetentionTable();
  const set = useSetRetention();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const [filter, setFilter] = useState('');
  const [saving, setSaving] = useState<string | null>(null);

  if (table.isError) return <QueryError error={table.error} onRetry={() => void table.refetch()} />;
  const defaultName = table.data?.defaultPeriodName ?? RETENTION_NAMES['30y'];
  const center = table.data?.orgName ?? '本中心';
  const words = filter.trim();
  const rows = (table.data?.items ?? []).filter((r) => !words || r.itemName.includes(words) || r.itemCode.toLowerCase().includes(words.toLowerCase()));

  const change = (row: RetentionRow, period: RetentionPeriod) => {
    setSaving(row.itemCode);
    set.mutate(
      { itemCode: row.itemCode, period },
      {
        onSuccess: (saved) => void message.success(`已将“${saved.itemName}”的保管期限设为${saved.periodName}，此后归档的案卷按新期限保管。`),
        onError: (error) => feedback(error),
        onSettled: () => setSaving(null),
      },
    );
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          editable
            ? `${center}的保管期限表：请按档案主管部门批准的期限设置各事项的保管期限（永久、30年、10年）。未设置的事项按默认 ${defaultName} 保管；修改只影响本中心此后归档的案卷。`
            : `${center}的保管期限表：各事项案卷的保管期限，由本中心主任按档案主管部门批准的期限设置。未设置的事项按默认 ${defaultName} 保管。`
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Input.Search aria-label="查找事项" placeholder="事项名称或编码" allowClear style={{ width: 280 }} value={filter} onChange={(e) => setFilter(e.target.value)} />
      </Space>
      <Table<RetentionRow>
        rowKey="itemCode"
        size="middle"
        loading={table.isPending}
        dataSource={rows}
        data-testid="retention-table"
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 个事项`, hideOnSinglePage: true }}
        locale={{ emptyText: words ? '没有符合条件的事项。' : '事项目录中还没有事项。' }}
        columns={[
          { title: '事项编码', dataIndex: 'itemCode', width: 120 },
          { title: '事项名称', dataIndex: 'itemName' },
          {
            title: '保管期限',
            dataIndex: 'period',
            width: 240,
            render: (period: RetentionPeriod, row) =>
              editable ? (
                <Space size={6}>
                  <Select<RetentionPeriod>
                    aria-label={`${row.itemName}的保管期限`}
                    data-testid={`retention-${row.itemCode}`}
                    style={{ width: 110 }}
                    value={period}
                    loading={saving === row.itemCode}
                    disabled={saving === row.itemCode}
                    onChange={(p) => change(row, p)}
                    options={RETENTION_PERIODS.map((p) => ({ value: p, label: RETENTION_NAMES[p] }))}
                  />
                  {row.isDefault && <Tag>默认</Tag>}
                </Space>
              ) : (
                <span data-testid={`retention-${row.itemCode}`}>{row.isDefault ? `默认 ${row.periodName}` : row.periodName}</span>
              ),
          },
          {
            title: '最近修改',
            dataIndex: 'updatedAt',
            render: (at: string | null, row) =>
              at ? (
                <Typography.Text type="secondary">
                  {row.updatedByName ?? ''} {formatDateTime(at)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">未设置</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
