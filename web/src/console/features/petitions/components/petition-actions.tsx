import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { PERIODS, PETITION_ACTION_NAMES, type PetitionAction } from '@domain/petitions/petitions';
import { usePetitionAction, type PetitionDetail } from '../api/petitions';
import { centerNow } from '@/lib/format';

/** The form each step asks for; the URL name of the action. */
const STEPS: Partial<Record<PetitionAction, { url: string; text?: string; textRequired?: boolean; danger?: boolean; primary?: boolean }>> = {
  accept: { url: 'accept', text: '受理意见（写进受理告知书，可不填）', primary: true },
  reject: { url: 'reject', text: '不予受理的理由和依据', textRequired: true, danger: true },
  solve: { url: 'solve', text: '当场解决的情况', textRequired: true },
  hand_over: { url: 'hand-over', text: '交办内容和要求', textRequired: true, primary: true },
  department_reply: { url: 'department-reply', text: '部门回复内容', textRequired: true, primary: true },
  extend: { url: 'extend', text: '延期理由（写进延期告知书）', textRequired: true },
  reception: { url: 'reception', text: '接待时的决定（怎么处理、由谁办、何时答复）', textRequired: true },
  answer: { url: 'answer', text: '答复意见（写进答复意见书）', textRequired: true, primary: true },
  request_review: { url: 'request-review', text: '信访人的复查请求（可不填）' },
  review_answer: { url: 'review-answer', text: '复查意见', textRequired: true, primary: true },
  request_recheck: { url: 'request-recheck', text: '信访人的复核请求（可不填）' },
  recheck_answer: { url: 'recheck-answer', text: '复核意见', textRequired: true, primary: true },
};

interface Values {
  text?: string;
  department?: string;
  replyBy?: Dayjs;
  days?: number;
  leaderName?: string;
  receivedOn?: Dayjs;
  handoverId?: string;
}

/** The buttons of the steps the person may take now; each opens its small form. */
export function PetitionActions({ petition }: { petition: PetitionDetail }) {
  const [action, setAction] = useState<PetitionAction | null>(null);
  const [form] = Form.useForm<Values>();
  const run = usePetitionAction(petition.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const step = action ? STEPS[action] : undefined;
  const openHandovers = petition.handovers.filter((h) => h.reply === null);

  const submit = (v: Values) => {
    if (!action || !step) return;
    const body: Record<string, unknown> & { expectedVersion: number } = { expectedVersion: petition.version };
    if (v.text !== undefined) body.text = v.text;
    if (action === 'hand_over') Object.assign(body, { department: v.department, replyBy: v.replyBy?.format('YYYY-MM-DD') });
    if (action === 'extend') body.days = v.days;
    if (action === 'reception') Object.assign(body, { leaderName: v.leaderName, receivedOn: v.receivedOn?.format('YYYY-MM-DD') });
    if (action === 'department_reply') body.handoverId = v.handoverId;
    run.mutate(
      { action: step.url, body },
      {
        onSuccess: () => {
          message.success(`已${PETITION_ACTION_NAMES[action]}。`);
          setAction(null);
          form.resetFields();
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  const actions = petition.allowedActions.filter((a) => STEPS[a]);
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="petition-actions">
        {actions.map((a) => (
          <Button key={a} type={STEPS[a]!.primary ? 'primary' : 'default'} danger={STEPS[a]!.danger} onClick={() => setAction(a)} data-testid={`action-${a}`}>
            {PETITION_ACTION_NAMES[a]}
          </Button>
        ))}
      </Space>
      <Modal
        title={action ? `${PETITION_ACTION_NAMES[action]}：${petition.petitionNo}` : ''}
        open={action !== null}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText="确定"
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ receivedOn: centerNow(), handoverId: openHandovers[0]?.id, replyBy: centerNow().add(3, 'day') }}
          data-testid="action-form"
        >
          {action === 'hand_over' && (
            <>
              <Form.Item name="department" label="责任部门" rules={[{ required: true, whitespace: true, message: '请填写责任部门' }]}>
                <Input maxLength={100} placeholder="如：镇自然资源所" data-testid="handover-department" />
              </Form.Item>
              <Form.Item name="replyBy" label="回复期限" rules={[{ required: true, message: '请选择回复期限' }]} extra={petition.finishDueAt ? `不晚于办结期限 ${petition.finishDueAt}` : undefined}>
                <DatePicker disabledDate={(d) => d.isBefore(centerNow(), 'day') || (!!petition.finishDueAt && d.format('YYYY-MM-DD') > petition.finishDueAt)} />
              </Form.Item>
            </>
          )}
          {action === 'department_reply' && (
            <Form.Item name="handoverId" label="交办单" rules={[{ required: true, message: '请选择交办单' }]}>
              <Select options={openHandovers.map((h) => ({ value: h.id, label: `${h.handoverNo} ${h.department}` }))} />
            </Form.Item>
          )}
          {action === 'extend' && (
            <Form.Item name="days" label={`延期天数（只能延期一次，不超过 ${PERIODS.maxExtension} 天）`} rules={[{ required: true, message: '请填写延期天数' }]}>
              <InputNumber min={1} max={PERIODS.maxExtension} />
            </Form.Item>
          )}
          {action === 'reception' && (
            <Space>
              <Form.Item name="leaderName" label="接待领导" rules={[{ required: true, whitespace: true, message: '请填写接待的领导' }]}>
                <Input maxLength={60} data-testid="reception-leader" />
              </Form.Item>
              <Form.Item name="receivedOn" label="接待日期" rules={[{ required: true, message: '请选择接待日期' }]}>
                <DatePicker disabledDate={(d) => d.isAfter(centerNow(), 'day')} />
              </Form.Item>
            </Space>
          )}
          {step?.text && (
            <Form.Item name="text" label={step.text} rules={step.textRequired ? [{ required: true, whitespace: true, message: `请填写${step.text.replace(/（.*）/, '')}` }] : []}>
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="action-text" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
