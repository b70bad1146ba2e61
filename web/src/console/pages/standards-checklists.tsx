import { App, Button, Card, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { atCenter } from '@/lib/format';
import { useState } from 'react';
import { ITEM_KIND_NAMES, type ChecklistItem } from '@domain/standards/checklist';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useChecklists, useSaveChecklist, type Checklist } from '@/features/standards/api/standards';

const total = (items: readonly ChecklistItem[]) => Math.round(items.reduce((s, i) => s + (i.points || 0), 0) * 2) / 2;

/** One level's checklist: read, or edited (standard, points, standard value) and saved as a new version with a reason. */
function ChecklistCard({ checklist }: { checklist: Checklist }) {
  const [items, setItems] = useState<ChecklistItem[] | null>(null);
  const [reason, setReason] = useState('');
  const save = useSaveChecklist();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const editing = items !== null;
  const shown = items ?? checklist.items;
  const sum = total(shown);
  const set = (code: string, patch: Partial<ChecklistItem>) => setItems((list) => (list ?? checklist.items).map((i) => (i.code === code ? { ...i, ...patch } : i)));
  return (
    <Card
      title={
        <Space wrap>
          {checklist.title}
          <Tag>
            {checklist.levelName} · 第 {checklist.version} 版
          </Tag>
        </Space>
      }
      size="small"
      style={{ marginBottom: 12 }}
      extra={!editing && <Button onClick={() => setItems(checklist.items)}>修改</Button>}
    >
      <Typography.Paragraph type="secondary">
        {checklist.version > 1 ? `${atCenter(checklist.createdAt).format('YYYY-MM-DD')} ${checklist.createdByName ?? ''}修改：${checklist.reason ?? ''}` : '初始检查表'}。已开始的自评按开始时的版本，保存后新开始的自评使用新版本。
      </Typography.Paragraph>
      <Table<ChecklistItem>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={shown}
        columns={[
          { title: '类别', dataIndex: 'group', width: 110 },
          { title: '检查项', dataIndex: 'title', width: 150 },
          {
            title: '检查标准',
            dataIndex: 'requirement',
            render: (text: string, item) => (editing ? <Input.TextArea autoSize value={text} maxLength={300} onChange={(e) => set(item.code, { requirement: e.target.value })} aria-label={`${item.title}检查标准`} /> : text),
          },
          { title: '检查方式', dataIndex: 'kind', width: 150, render: (k: ChecklistItem['kind']) => ITEM_KIND_NAMES[k] },
          {
            title: '标准值',
            dataIndex: 'min',
            width: 130,
            render: (min: number | null | undefined, item) =>
              item.kind !== 'number' ? '—' : editing ? <InputNumber min={0.5} value={min ?? null} onChange={(v) => set(item.code, { min: typeof v === 'number' ? v : null })} addonAfter={item.unit ?? undefined} aria-label={`${item.title}标准值`} /> : `≥ ${min} ${item.unit ?? ''}`,
          },
          {
            title: '分值',
            dataIndex: 'points',
            width: 100,
            align: 'right',
            render: (points: number, item) => (editing ? <InputNumber min={0.5} max={100} step={0.5} value={points} onChange={(v) => set(item.code, { points: typeof v === 'number' ? v : 0 })} aria-label={`${item.title}分值`} /> : points),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              合计
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text type={sum === 100 ? undefined : 'danger'} strong>
                {sum}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {editing && (
        <Space wrap style={{ marginTop: 12 }}>
          <Input style={{ width: 320 }} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="修改原因（必填），如：按 2027 年考核办法调整分值" aria-label="修改原因" />
          {sum !== 100 && <Typography.Text type="danger">各项分值合计须为 100 分，现在是 {sum} 分</Typography.Text>}
          <Button
            type="primary"
            disabled={sum !== 100 || !reason.trim()}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { level: checklist.level, title: checklist.title, items: shown, reason: reason.trim(), expectedVersion: checklist.version },
                {
                  onSuccess: (c) => {
                    message.success(`已保存为第 ${c.version} 版。`);
                    setItems(null);
                    setReason('');
                  },
                  onError: (e) => showError(e),
                },
              )
            }
          >
            保存为新版本
          </Button>
          <Button onClick={() => setItems(null)}>取消</Button>
        </Space>
      )}
    </Card>
  );
}

/** 标准化建设检查表 (/standards/checklists): the system administrator keeps the checklists as data, in versions. */
export function StandardsChecklistsPage() {
  const list = useChecklists();
  return (
    <>
      <PageHeader title="标准化建设检查表" description="村便民服务室“五有”和乡镇便民服务中心的检查项、检查标准和分值（合计 100 分）；修改后保存为新版本，历次版本都保留。" />
      {list.isPending ? <PageLoading /> : list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : list.data.checklists.map((c) => <ChecklistCard key={`${c.id}`} checklist={c} />)}
    </>
  );
}
