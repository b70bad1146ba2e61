import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { DEFAULT_MIN_DAYS, minDaysProblem, NOTICE_LIMITS } from '@domain/notices/notices';
import { useEditNotice, usePublishNotice, type Notice } from '../api/public-notices';
import { centerNow } from '@/lib/format';

interface Values {
  title: string;
  body: string;
  startDate: Dayjs;
  minDays: number;
  endDate?: Dayjs | null;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * 发布公告 / 修改公告 in one dialog. A notice the public already sees keeps its start date, and its minimum display
 * period can only grow (the server says why when it refuses). The end date, if any, must leave the minimum whole.
 */
export function NoticeForm({ open, orgId, editing, onClose }: { open: boolean; orgId: string; editing: Notice | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const publish = usePublishNotice();
  const edit = useEditNotice();
  const showError = useErrorFeedback();
  const started = editing !== null && editing.startDate <= iso(centerNow());

  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { title: editing.title, body: editing.body, startDate: dayjs(editing.startDate), minDays: editing.minDays, endDate: editing.endDate ? dayjs(editing.endDate) : null }
        : { startDate: centerNow().startOf('day'), minDays: DEFAULT_MIN_DAYS, endDate: null },
    );
  }, [open, editing, form]);

  const submit = (v: Values) => {
    const body = { title: v.title.trim(), body: v.body.trim(), startDate: iso(v.startDate), minDays: v.minDays, endDate: v.endDate ? iso(v.endDate) : null };
    const done = { onSuccess: onClose, onError: (e: unknown) => showError(e, { form }) };
    if (editing) edit.mutate({ id: editing.id, body, expectedVersion: editing.version }, done);
    else publish.mutate({ body: { ...body, orgId }, idempotencyKey: key }, done);
  };

  return (
    <Modal
      open={open}
      title={editing ? '修改公告' : '发布公告'}
      okText={editing ? '保存修改' : '发布'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={publish.isPending || edit.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label="公告标题" rules={[{ required: true, whitespace: true, message: '请填写公告标题' }]}>
          <Input maxLength={NOTICE_LIMITS.title} showCount placeholder="如：元旦假期办公时间安排" data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="body" label="公告内容" rules={[{ required: true, whitespace: true, message: '请填写公告内容' }]}>
          <Input.TextArea rows={8} maxLength={NOTICE_LIMITS.body} showCount placeholder="群众要知道的事：什么事、什么时候、在哪里、找谁、电话。" data-testid="notice-body" />
        </Form.Item>
        <Form.Item
          name="startDate"
          label="开始公示日期"
          rules={[{ required: true, message: '请选择开始公示日期' }]}
          extra={started ? '已开始公示的公告不能改开始日期。' : '从这一天起群众在政务公开页面上看到这条公告。'}
        >
          <DatePicker disabled={started} allowClear={false} format="YYYY-MM-DD" style={{ width: 200 }} disabledDate={(d) => !started && d.isBefore(centerNow().startOf('day'))} />
        </Form.Item>
        <Form.Item
          name="minDays"
          label="最短公示天数（自然日）"
          // checked by rules, not the box's min/max: those silently turned a typed -5 into 1
          rules={[
            { required: true, message: '请填写最短公示天数' },
            {
              validator: async (_, v?: number | null) => {
                const problem = v == null ? null : minDaysProblem(v, started && editing ? editing.minDays : null);
                if (problem) throw new Error(problem);
              },
            },
          ]}
          extra="未满这么多天撤下的，须写明撤下原因并记录在案；满期后撤下无需原因。"
        >
          <InputNumber precision={0} addonAfter="天" style={{ width: 200 }} data-testid="notice-min-days" />
        </Form.Item>
        <Form.Item name="endDate" label="结束日期（可不填）" extra="不填则一直公示，直到撤下。填写的，须在最短公示期之后。">
          <DatePicker format="YYYY-MM-DD" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
