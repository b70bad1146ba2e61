import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Result, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { COMPLAINT_SOURCE_NAMES, COMPLAINT_TEXT_LIMITS as L, STAFF_SOURCES } from '@domain/complaints/complaints';
import { useComplaintLimits, useRegisterComplaint, type ComplaintDetail, type RegisterComplaintInput } from '../api/complaints';
import { centerInstant, centerNow } from '@/lib/format';

type Values = Omit<RegisterComplaintInput, 'receivedAt'> & { receivedAt?: Dayjs | null };

/** The server's rule (src/modules/complaints/register.ts): not in the future, not more than 30 days back. */
const RECEIVED_BACK_DAYS = 30;
const receivedProblem = (at: Dayjs, now: Dayjs): string | null =>
  at.isAfter(now.add(1, 'minute'))
    ? '收到投诉的时间不能晚于现在，请核对。'
    : at.isBefore(now.subtract(RECEIVED_BACK_DAYS, 'day'))
      ? `收到投诉的时间不能早于 ${RECEIVED_BACK_DAYS} 天前；更早收到的投诉请按当天登记并在内容中说明。`
      : null;

/**
 * 投诉登记 (GB/T 39046 表10): where it came from (window, phone, letter, a 差评 with its case number, 12345 with its
 * work-order number), the complainant, whom it is about, what happened, simple or complex. After saving, the number
 * and the query code to tell the complainant (they also get them by SMS).
 */
export function RegisterComplaintForm({ initial }: { initial?: Partial<Values> | undefined } = {}) {
  const [form] = Form.useForm<Values>();
  const register = useRegisterComplaint();
  const limits = useComplaintLimits();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const key = useRef(newIdempotencyKey());
  const [done, setDone] = useState<ComplaintDetail | null>(null);
  const source = Form.useWatch('source', form);

  if (done) {
    return (
      <Result
        status="success"
        title={`已登记投诉 ${done.complaintNo}`}
        subTitle={
          <span data-testid="complaint-registered">
            请告知投诉人：投诉编号 <Typography.Text strong copyable={false}>{done.complaintNo}</Typography.Text>，查询码{' '}
            <Typography.Text strong>{done.queryCode}</Typography.Text>，{done.dueDate} 前答复（已短信发送给投诉人）。
          </span>
        }
        extra={[
          <Link key="open" to="/complaints/$id" params={{ id: done.id }}>
            <Button type="primary">查看并受理</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setDone(null);
              form.resetFields();
              key.current = newIdempotencyKey();
            }}
          >
            继续登记
          </Button>,
        ]}
      />
    );
  }

  const submit = ({ receivedAt, ...values }: Values) => {
    register.mutate(
      { body: { ...values, ...(receivedAt && { receivedAt: centerInstant(receivedAt) }) }, idempotencyKey: key.current },
      {
        onSuccess: (c) => {
          message.success(`已登记投诉 ${c.complaintNo}`);
          setDone(c);
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Card>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'window', cls: 'simple', ...initial }} style={{ maxWidth: 760 }}>
        <Form.Item name="source" label="投诉来源" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={STAFF_SOURCES.map((s) => ({ value: s, label: COMPLAINT_SOURCE_NAMES[s] }))} data-testid="complaint-source" />
        </Form.Item>
        {source === 'bad_rating' && (
          <Form.Item name="caseNo" label="被评价办件的办件编号" rules={[{ required: true, whitespace: true, message: '差评转投诉须填写办件编号' }]}>
            <Input maxLength={40} placeholder="如 410899101-20260302-0001" />
          </Form.Item>
        )}
        {source === 'hotline_12345' && (
          <Form.Item name="hotlineNo" label="12345 工单编号" rules={[{ required: true, whitespace: true, message: '请填写 12345 工单编号' }]}>
            <Input maxLength={40} data-testid="complaint-hotline-no" />
          </Form.Item>
        )}
        <Form.Item
          name="receivedAt"
          label="收到投诉的时间"
          extra="来信、来电事后补登时填写实际收到的时间，答复时限从这一天的次日起算；当场登记的不用填"
          rules={[{ validator: (_, v: Dayjs | null | undefined) => { const problem = v ? receivedProblem(v, centerNow()) : null; return problem ? Promise.reject(new Error(problem)) : Promise.resolve(); } }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder="不填为现在"
            style={{ width: 220 }}
            disabledDate={(d) => d.isAfter(centerNow(), 'day') || d.isBefore(centerNow().subtract(RECEIVED_BACK_DAYS, 'day'), 'day')}
            data-testid="complaint-received-at"
          />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写投诉标题' }]}>
          <Input maxLength={L.title} showCount placeholder="一句话概括，如：窗口人员态度生硬" data-testid="complaint-title" />
        </Form.Item>
        <Form.Item name="content" label="投诉内容" rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}>
          <Input.TextArea rows={5} maxLength={L.content} showCount placeholder="时间、地点、经过、诉求" data-testid="complaint-content" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="complainantName" label="投诉人" rules={[{ required: true, whitespace: true, message: '请填写投诉人姓名' }]}>
            <Input maxLength={L.name} style={{ width: 200 }} data-testid="complaint-name" />
          </Form.Item>
          <Form.Item name="complainantPhone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]} extra="手机号码可收到投诉编号、查询码和答复短信">
            <Input maxLength={20} style={{ width: 220 }} data-testid="complaint-phone" />
          </Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="respondentUnit" label="被投诉单位" extra="不填则为本中心">
            <Input maxLength={60} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="respondentPerson" label="被投诉人（可不填）">
            <Input maxLength={L.person} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="cls" label="投诉类别" extra={limits.data ? `简单投诉 ${limits.data.simpleDays} 个工作日内答复（当天或次日），复杂投诉 ${limits.data.complexDays} 个工作日内答复` : undefined}>
          <Radio.Group
            options={[
              { value: 'simple', label: '简单投诉' },
              { value: 'complex', label: '复杂投诉' },
            ]}
          />
        </Form.Item>
        {register.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="登记没有成功，请按提示修改后再提交。" />}
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="complaint-submit">
          登记投诉
        </Button>
      </Form>
    </Card>
  );
}
