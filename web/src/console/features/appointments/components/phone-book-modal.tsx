import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { isApiError } from '@/lib/api-client';
import { useBook, useSlots } from '../api/appointments';

interface Fields {
  serviceId: string;
  slot: string;
  name: string;
  phone: string;
  note?: string;
}

/** 电话预约: a caller asks for a time; the clerk picks the service and a slot with places left and types the name and phone. */
export function PhoneBookModal({ orgId, open, onClose }: { orgId: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const serviceId = Form.useWatch('serviceId', form);
  const slots = useSlots(open ? orgId : undefined, serviceId);
  const book = useBook();
  const [key, setKey] = useState(newIdempotencyKey);
  const options = (slots.data?.days ?? []).flatMap((d) =>
    d.slots.map((s) => ({ value: `${d.date} ${s.start}`, label: `${d.date} ${d.weekday} ${s.start}-${s.end}（余 ${s.left}）`, disabled: s.left === 0 })),
  );

  async function submit() {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const f = await form.validateFields().catch(() => null);
    if (!f) return;
    const [day, start] = f.slot.split(' ');
    book.mutate(
      { body: { orgId, serviceId: f.serviceId, day: day!, start: start!, name: f.name, phone: f.phone, ...(f.note ? { note: f.note } : {}) }, idempotencyKey: key },
      {
        onSuccess: (a) => {
          void message.success(`已为${a.name}预约 ${a.day} ${a.start}，签到码 ${a.code}（已短信发到 ${a.phone}）。`);
          setKey(newIdempotencyKey());
          form.resetFields();
          onClose();
        },
        onError: (e) => void message.error(isApiError(e) ? e.title : '预约没有完成，请重试。'),
      },
    );
  }

  return (
    <Modal title="电话预约" open={open} onCancel={onClose} onOk={() => void submit()} okText="预约" cancelText="取消" confirmLoading={book.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="serviceId" label="办理业务" rules={[{ required: true, message: '请选择办理业务' }]}>
          <Select options={(slots.data?.services ?? []).map((s) => ({ value: s.id, label: s.name }))} placeholder="开放预约的业务" notFoundContent="本中心还没有开放预约的业务，请中心主任先设置预约时段" />
        </Form.Item>
        <Form.Item name="slot" label="预约时段" rules={[{ required: true, message: '请选择预约时段' }]}>
          <Select options={options} placeholder={serviceId ? '选择日期和时段' : '先选择办理业务'} notFoundContent="今后几天没有可预约的时段" />
        </Form.Item>
        <Form.Item name="name" label="来电人姓名" rules={[{ required: true, whitespace: true, message: '请填写来电人姓名' }, { max: 60, message: '姓名不超过 60 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="手机号码（接收签到码短信）" rules={[{ required: true, message: '请填写手机号码' }, { pattern: /^1[3-9]\d{9}$/, message: '手机号码应为 11 位，以 13 至 19 开头' }]}>
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 200, message: '备注不超过 200 个字' }]}>
          <Input placeholder="如：代办人、所需材料提醒" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
