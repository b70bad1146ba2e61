import { Button, Card, Checkbox, Empty, Input, Space, Table, Typography } from 'antd';
import { App } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useOfficeDays, useSetOfficeDay, type OfficeDay } from '@/features/duty-roster/api/duty-roster';

const WEEKDAYS = [
  { value: 1, label: '周一' },
  { value: 2, label: '周二' },
  { value: 3, label: '周三' },
  { value: 4, label: '周四' },
  { value: 5, label: '周五' },
  { value: 6, label: '周六' },
  { value: 7, label: '周日' },
];

/** One village's row: the weekdays, a note, and 保存. */
function OfficeDayEditor({ village }: { village: OfficeDay }) {
  const [weekdays, setWeekdays] = useState<number[]>(village.weekdays);
  const [note, setNote] = useState(village.note ?? '');
  const set = useSetOfficeDay();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const changed = weekdays.join() !== village.weekdays.join() || note !== (village.note ?? '');
  return (
    <Space wrap>
      <Checkbox.Group options={WEEKDAYS} value={weekdays} onChange={(v) => setWeekdays([...v].sort())} aria-label={`${village.orgName}固定办公日`} />
      <Input style={{ width: 200 }} maxLength={100} placeholder="备注，如：节假日除外" value={note} onChange={(e) => setNote(e.target.value)} />
      <Button
        type="primary"
        disabled={!changed}
        loading={set.isPending}
        onClick={() =>
          set.mutate(
            { orgId: village.orgId, weekdays, note: note.trim() || null, expectedVersion: village.version },
            { onSuccess: (v) => message.success(v.text ? `${v.orgName}的固定办公日已设为${v.text}。` : `已取消${v.orgName}的固定办公日。`), onError: (e) => showError(e) },
          )
        }
      >
        保存
      </Button>
    </Space>
  );
}

/**
 * 村固定办公日: each village's fixed weekly office day(s) (每周三), set by its agent or by the township's director; the
 * public site shows it beside the village on every item's places, the agent app on its home page.
 */
export function VillageOfficeDaysPage() {
  const list = useOfficeDays();
  return (
    <>
      <PageHeader title="村固定办公日" description="每个村便民服务室每周固定的办公日，群众在网上办事指南的办理地点里可以看到，代办员首页也会显示。" />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <Table<OfficeDay>
            rowKey="orgId"
            loading={list.isPending}
            dataSource={list.data?.villages ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description="没有可设置的村" /> }}
            columns={[
              { title: '村', dataIndex: 'orgName', width: 180 },
              { title: '现在', dataIndex: 'text', width: 140, render: (t: string) => (t ? <Typography.Text strong>{t}</Typography.Text> : <Typography.Text type="secondary">未设置</Typography.Text>) },
              { title: '设置', key: 'edit', render: (_, v) => <OfficeDayEditor key={`${v.orgId}-${v.version ?? 0}`} village={v} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
