import { App, Button, Card, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useItems } from '@/features/catalog/api/get-items';
import { itemOption } from '@/lib/item-option-search';
import { useHallSetup, useSaveHallSettings, type HallService, type HallSettingsView } from '@/features/hall-services/api/hall-services';
import { ServiceFormModal } from '@/features/hall-services/components/service-form-modal';

/** 大厅服务设置 (issue 12 §1): the director's services of the hall and the queue's settings. */
export function HallServicesPage() {
  const setup = useHallSetup();
  const [editing, setEditing] = useState<HallService | 'new' | null>(null);
  const items = useItems({ status: 'active' });
  if (setup.isPending) return <PageLoading />;
  if (setup.isError) return <QueryError error={setup.error} onRetry={() => void setup.refetch()} />;
  const { services, windows, settings, orgName, orgId } = setup.data;
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  return (
    <>
      <PageHeader title="大厅服务设置" description={`${orgName}：群众在取号机上按服务取号，号码以服务代码开头（如 A001），由对应窗口叫号。`} />
      <Card
        title="服务"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-service">
            新增服务
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        <Table<HallService>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={services}
          data-testid="hall-services"
          locale={{ emptyText: '还没有设置服务。请点“新增服务”，设置服务代码、名称和叫号窗口，取号机才能取号。' }}
          columns={[
            { title: '代码', dataIndex: 'code', width: 64, render: (c: string) => <Typography.Text strong>{c}</Typography.Text> },
            { title: '服务名称', dataIndex: 'name' },
            {
              title: '叫号窗口',
              dataIndex: 'windowIds',
              render: (ids: string[]) => (ids.length === 0 ? <Typography.Text type="warning">未设置窗口，无人叫号</Typography.Text> : ids.map((id) => <Tag key={id}>{windowName.get(id) ?? '已删除的窗口'}</Tag>)),
            },
            { title: '事项', dataIndex: 'itemCodes', width: 80, render: (codes: string[]) => `${codes.length} 项` },
            { title: '今日等候', dataIndex: 'waiting', width: 90 },
            { title: '状态', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">开放取号</Tag> : <Tag>暂停</Tag>) },
            { title: '', key: 'edit', width: 80, render: (_, s) => <Button size="small" onClick={() => setEditing(s)}>编辑</Button> },
          ]}
        />
      </Card>
      <SettingsCard key={orgId} settings={settings} />
      {editing && <ServiceFormModal service={editing === 'new' ? null : editing} windows={windows} usedCodes={services.map((s) => s.code)}
          itemOptions={(items.data?.items ?? []).map((i) => itemOption(i, `${i.name}（${i.code}）`))}
          itemsLoading={items.isPending}
          onClose={() => setEditing(null)} />}
    </>
  );
}

function SettingsCard({ settings }: { settings: HallSettingsView }) {
  const [form] = Form.useForm<HallSettingsView>();
  const save = useSaveHallSettings();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  return (
    <Card title="排队规则">
      <Form<HallSettingsView>
        form={form}
        layout="vertical"
        initialValues={settings}
        onFinish={(values) => save.mutate(values, { onSuccess: () => message.success('排队规则已保存，从下一次叫号起生效。'), onError: (e) => showError(e, { form }) })}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="noShowMinutes" label="过号等候（分钟）" extra="叫号后等这么久群众仍未到窗口，才能标记过号。">
          <InputNumber min={0} max={60} />
        </Form.Item>
        <Form.Item name="smsPosition" label="短信提醒位次" extra="取号时留了手机号的，前面只剩这么多人时发一条短信提醒；填 0 不发。">
          <InputNumber min={0} max={50} />
        </Form.Item>
        <Form.Item name="priorityBonusMinutes" label="优先号提前（分钟）" extra="70岁以上老人、残疾人和绿色通道的号，按早取这么多分钟排队；等得更久的普通号仍在前面。">
          <InputNumber min={0} max={120} />
        </Form.Item>
        <Form.Item name="maxOvertakes" label="连续优先上限" extra="连续叫了这么多个预约或优先号后，必须叫一个等得最久的普通号，谁都不会一直等下去。">
          <InputNumber min={1} max={10} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-hall-settings">
            保存排队规则
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
