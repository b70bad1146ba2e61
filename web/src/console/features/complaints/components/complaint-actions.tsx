import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Steps } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import {
  COMPLAINT_ACTION_NAMES,
  COMPLAINT_STEPS,
  COMPLAINT_TEXT_LIMITS as L,
  findingsProblem,
  VISIT_RESULTS,
  VISIT_RESULT_NAMES,
  type ComplaintAction,
} from '@domain/complaints/complaints';
import { useComplaintAction, useComplaintLimits, useComplaints, type ComplaintActionInput, type ComplaintDetail } from '../api/complaints';
import { useMe } from '@/lib/auth';
import { HandlerSelect } from './handler-select';

type Values = ComplaintActionInput & { upheldChoice?: 'yes' | 'no' };

const DONE: Record<ComplaintAction, string> = {
  accept: '已受理。',
  investigate: '已记录调查情况。',
  handle: '已记录处理意见。',
  answer: '已反馈，答复已短信发送给投诉人，投诉人也可在网上查询。',
  visit: '已记录回访结果。',
  archive: '已归档。',
  extend: '已延期，已短信告知投诉人延期原因和新的答复时间。',
  merge: '已并单。',
};

const STEP_STATUS: Record<string, number> = { registered: 0, accepted: 1, investigated: 2, handled: 3, answered: 4, visited: 5, archived: 6 };

/** The steps bar, and what the person may do now (the server's allowedActions), each with its own small form. */
export function ComplaintActions({ complaint: c, onReload }: { complaint: ComplaintDetail; onReload: () => void }) {
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  const [form] = Form.useForm<Values>();
  const step = useComplaintAction(c.id);
  const limits = useComplaintLimits();
  const others = useComplaints({ pageSize: 100 }, open === 'merge');
  const me = useMe();
  const showError = useErrorFeedback();
  const { message } = App.useApp();

  const submit = (values: Values) => {
    if (!open) return;
    const { upheldChoice, ...rest } = values;
    const body: ComplaintActionInput = { ...rest, ...(open === 'handle' && { upheld: upheldChoice === 'yes' }) };
    step.mutate(
      { action: open, body, expectedVersion: c.version },
      {
        onSuccess: () => {
          message.success(DONE[open]);
          setOpen(null);
          form.resetFields();
        },
        onError: (e) => showError(e, { form, onReload }),
      },
    );
  };

  const candidates = (others.data?.complaints ?? []).filter((o) => o.id !== c.id && !o.mergedInto && o.status !== 'merged' && o.status !== 'archived');
  return (
    <Card title="办理" size="small" style={{ marginBottom: 16 }} data-testid="complaint-actions">
      {c.status !== 'merged' && (
        <Steps
          size="small"
          style={{ marginBottom: 16 }}
          current={STEP_STATUS[c.status] ?? 0}
          items={COMPLAINT_STEPS.map((s) => ({ title: COMPLAINT_ACTION_NAMES[s] }))}
        />
      )}
      {c.allowedActions.length > 0 && (
        <Space wrap style={{ marginBottom: open ? 16 : 0 }}>
          {c.allowedActions.map((a) => (
            <Button
              key={a}
              type={open === a ? 'primary' : 'default'}
              onClick={() => {
                setOpen(a);
                form.resetFields();
              }}
              data-testid={`complaint-action-${a}`}
            >
              {COMPLAINT_ACTION_NAMES[a]}
            </Button>
          ))}
        </Space>
      )}
      {open && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ cls: c.cls, handlerId: me.user.id }}>
          {open === 'accept' && (
            <Form.Item name="cls" label="投诉类别" extra={limits.data ? `简单投诉 ${limits.data.simpleDays} 个工作日、复杂投诉 ${limits.data.complexDays} 个工作日内答复，从收到之日的次日起算` : undefined}>
              <Radio.Group
                options={[
                  { value: 'simple', label: '简单投诉' },
                  { value: 'complex', label: '复杂投诉' },
                ]}
              />
            </Form.Item>
          )}
          {open === 'accept' && (
            <Form.Item name="handlerId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]} extra="由谁调查处理这件投诉；默认本人，可交给本中心其他工作人员">
              <HandlerSelect meId={me.user.id} />
            </Form.Item>
          )}
          {open === 'investigate' && (
            <Form.Item
              name="findings"
              label="调查核实情况"
              rules={[
                { required: true, whitespace: true, message: '请填写调查核实情况' },
                { validator: async (_, v?: string) => { const problem = v?.trim() ? findingsProblem(v) : null; if (problem) throw new Error(problem); } },
              ]}
            >
              <Input.TextArea rows={4} maxLength={L.findings} showCount placeholder="向谁了解、查了什么、事实如何" data-testid="complaint-findings" />
            </Form.Item>
          )}
          {open === 'handle' && (
            <>
              <Form.Item name="upheldChoice" label="投诉是否属实" rules={[{ required: true, message: '请选择是否属实' }]} extra={
                  // the assessment finds whom to count it against through the case or the person named (assessment/compute.ts)
                  c.caseNo || c.respondentPerson
                    ? '属实的投诉计入当月考核（按办件的窗口和经办人，或写明的被投诉人）'
                    : '属实的投诉计入当月考核；本件没有写明办件编号和被投诉人姓名，属实也无法扣到具体窗口和个人'
                }>
                <Radio.Group
                  options={[
                    { value: 'yes', label: '属实' },
                    { value: 'no', label: '不属实' },
                  ]}
                  data-testid="complaint-upheld"
                />
              </Form.Item>
              <Form.Item name="reasons" label="理由和处理意见" rules={[{ required: true, whitespace: true, message: '请写明理由和处理意见' }]}>
                <Input.TextArea rows={4} maxLength={L.reason} showCount data-testid="complaint-reasons" />
              </Form.Item>
            </>
          )}
          {open === 'answer' && (
            <Form.Item name="feedback" label="反馈给投诉人的答复" rules={[{ required: true, whitespace: true, message: '请填写答复意见' }]} extra="答复以短信发送给投诉人，并在网上查询中显示（不显示工作人员姓名）">
              <Input.TextArea rows={4} maxLength={L.feedback} showCount data-testid="complaint-feedback" />
            </Form.Item>
          )}
          {open === 'visit' && (
            <>
              <Form.Item name="result" label="回访结果" rules={[{ required: true, message: '请选择回访结果' }]}>
                <Radio.Group options={VISIT_RESULTS.map((r) => ({ value: r, label: VISIT_RESULT_NAMES[r] }))} />
              </Form.Item>
              <Form.Item name="note" label="回访记录（可不填）">
                <Input.TextArea rows={2} maxLength={L.note} showCount />
              </Form.Item>
            </>
          )}
          {open === 'archive' && (
            <Form.Item name="note" label="归档说明（可不填）">
              <Input.TextArea rows={2} maxLength={L.note} showCount />
            </Form.Item>
          )}
          {open === 'extend' && (
            <>
              <Form.Item name="days" label="延期工作日天数" rules={[{ required: true, message: '请填写延期天数' }]}>
                <InputNumber min={1} max={limits.data?.maxExtensionDays ?? 10} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="reason" label="延期原因（短信告知投诉人）" rules={[{ required: true, whitespace: true, message: '请写明延期原因' }]}>
                <Input.TextArea rows={2} maxLength={L.reason} showCount />
              </Form.Item>
            </>
          )}
          {open === 'merge' && (
            <Form.Item name="mainId" label="并入的主投诉（同一事项）" rules={[{ required: true, message: '请选择主投诉' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={others.isPending}
                placeholder="按编号或标题查找"
                options={candidates.map((o) => ({ value: o.id, label: `${o.complaintNo} ${o.title}（${o.complainant.name}）` }))}
                data-testid="complaint-merge-main"
              />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="complaint-action-submit">
              确认{COMPLAINT_ACTION_NAMES[open]}
            </Button>
            <Button onClick={() => setOpen(null)}>取消</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
