import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import type { OutboxQuery } from '../api/outbox';

/** Filters of the 短信记录: a full phone number (matched exactly), the status and the channel. */
export function OutboxFilters({ query, onChange }: { query: OutboxQuery; onChange: (next: OutboxQuery) => void }) {
  const [form] = Form.useForm<{ phone?: string; status?: OutboxQuery['status']; channel?: OutboxQuery['channel'] }>();
  useEffect(() => form.setFieldsValue({ phone: query.phone, status: query.status, channel: query.channel }), [form, query.phone, query.status, query.channel]);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => onChange({ phone: v.phone?.trim() || undefined, status: v.status, channel: v.channel, page: undefined })}
    >
      <Form.Item name="phone" label="手机号码" rules={[{ pattern: /^1\d{10}$/, message: '请输入完整的 11 位手机号码' }]}>
        <Input placeholder="完整的 11 位号码" allowClear style={{ width: 170 }} inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 120 }}
          options={[
            { value: 'pending', label: '待发送' },
            { value: 'sent', label: '已发送' },
            { value: 'failed', label: '发送失败' },
          ]}
        />
      </Form.Item>
      <Form.Item name="channel" label="渠道">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 120 }}
          options={[
            { value: 'sms', label: '短信' },
            { value: 'inbox', label: '站内消息' },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
