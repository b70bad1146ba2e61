import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { formatDateTime } from '@/lib/format';
import { usePads, useRegisterPad, useRevokePad, type RatingPad } from '../api/evaluations';

/**
 * 窗口评价器: the tablets at the windows. Registering one shows its code once; it is typed into the tablet at
 * /hall/rate/<window>, which keeps it. A lost or replaced tablet is stopped here (停用) and a new one registered.
 */
export function PadsPanel({ windows, windowsLoading }: { windows: readonly { id: string; name: string }[]; windowsLoading: boolean }) {
  const pads = usePads();
  const register = useRegisterPad();
  const revoke = useRevokePad();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ windowId: string; name?: string }>();
  const [made, setMade] = useState<{ code: string; path: string; windowName: string } | null>(null);

  const submit = async () => {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    register.mutate(values, {
      onSuccess: (r) => {
        form.resetFields();
        setMade({ code: r.code, path: r.path, windowName: r.pad.windowName });
      },
      onError: (error) => feedback(error, { form }),
    });
  };

  return (
    <>
      <Form form={form} layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item name="windowId" rules={[{ required: true, message: '请选择窗口' }]}>
          <Select placeholder="选择窗口" style={{ width: 220 }} loading={windowsLoading} options={windows.map((w) => ({ value: w.id, label: w.name }))} />
        </Form.Item>
        <Form.Item name="name">
          <Input placeholder="评价器名称（可不填）" maxLength={40} />
        </Form.Item>
        <Button type="primary" onClick={() => void submit()} loading={register.isPending}>
          登记评价器
        </Button>
      </Form>
      <Table<RatingPad>
        rowKey="id"
        size="middle"
        loading={pads.isPending}
        dataSource={pads.data?.pads ?? []}
        pagination={false}
        columns={[
          { title: '评价器', dataIndex: 'name' },
          { title: '窗口', dataIndex: 'windowName' },
          { title: '登记时间', dataIndex: 'registeredAt', render: (v: string) => formatDateTime(v) },
          { title: '最近在线', dataIndex: 'lastSeenAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: '状态', key: 'active', render: (_, p) => (p.active ? <Tag color="green">使用中</Tag> : <Tag>已停用</Tag>) },
          {
            title: '操作',
            key: 'actions',
            render: (_, p) =>
              p.active && (
                <Popconfirm title="停用后这台平板需要重新登记才能评价，确定停用？" okText="停用" cancelText="取消" onConfirm={() => revoke.mutate({ id: p.id, expectedVersion: p.version }, { onError: (e) => feedback(e) })}>
                  <Button size="small" danger>
                    停用
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={made !== null} title={`${made?.windowName ?? ''}评价器已登记`} onOk={() => setMade(null)} onCancel={() => setMade(null)} okText="我已记下" cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="登记码只显示这一次，请现在在窗口平板上输入。" />
        <Space direction="vertical">
          <Typography.Text>1. 在窗口平板的浏览器中打开本系统的地址，后面加上：</Typography.Text>
          <Typography.Text code copyable>
            {made?.path}
          </Typography.Text>
          <Typography.Text>2. 输入登记码：</Typography.Text>
          <Typography.Title level={3} copyable style={{ margin: 0, letterSpacing: 2 }} data-testid="pad-code">
            {made?.code}
          </Typography.Title>
        </Space>
      </Modal>
    </>
  );
}
