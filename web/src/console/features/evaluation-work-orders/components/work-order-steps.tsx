import { Alert, App, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { TEXT_LIMITS, VISIT_FINDINGS, VISIT_FINDING_NAMES, WORK_ORDER_ACTION_NAMES, type VisitFinding } from '@domain/evaluation/work-orders';
import { useWorkOrderStep, type WorkOrderDetail, type WorkOrderStep } from '../api/work-orders';

type StaffAction = WorkOrderStep['action'];
interface Values {
  finding?: VisitFinding;
  content?: string;
  measures?: string;
  outcome?: string;
  reason?: string;
}

const DONE: Record<StaffAction, string> = {
  visit: '已登记回访核实，请在整改期限内完成整改。',
  rectify: '已登记整改，整改结果已通过短信告知评价人。',
  close: '工单已办结。',
};

/** What the responsible center may do now (the server's allowedActions): visit, rectify, close. */
export function WorkOrderSteps({ wo, onReload }: { wo: WorkOrderDetail; onReload: () => void }) {
  const actions = wo.allowedActions.filter((a): a is StaffAction => a === 'visit' || a === 'rectify' || a === 'close');
  // the one step owed now opens at once (the visit, then the rectification); 取消 closes it
  const [open, setOpen] = useState<StaffAction | 'none' | null>(null);
  const [form] = Form.useForm<Values>();
  const step = useWorkOrderStep(wo.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  if (actions.length === 0) return null;
  const owed = actions.length === 1 && actions[0] !== 'close' ? actions[0]! : null;
  const current: StaffAction | null = open === 'none' ? null : open && actions.includes(open) ? open : owed;

  const submit = (v: Values) => {
    if (!current) return;
    const body: WorkOrderStep =
      current === 'visit'
        ? { action: 'visit', finding: v.finding ?? 'confirmed', content: v.content ?? '' }
        : current === 'rectify'
          ? { action: 'rectify', measures: v.measures ?? '', outcome: v.outcome ?? '' }
          : { action: 'close', reason: v.reason ?? '' };
    step.mutate(
      { step: body, expectedVersion: wo.version },
      {
        onSuccess: () => {
          message.success(DONE[current]);
          setOpen(null);
          form.resetFields();
        },
        onError: (e) => showError(e, { form, onReload }),
      },
    );
  };

  return (
    <Card title="办理" size="small" style={{ marginBottom: 16 }} data-testid="work-order-steps">
      <Space wrap style={{ marginBottom: current ? 16 : 0 }}>
        {actions.map((a) => (
          <Button key={a} type={current === a ? 'primary' : 'default'} onClick={() => (setOpen(a), form.resetFields())} data-testid={`wo-action-${a}`}>
            {WORK_ORDER_ACTION_NAMES[a]}
          </Button>
        ))}
      </Space>
      {current && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ finding: 'confirmed' }} data-testid={`wo-form-${current}`}>
          {current === 'visit' && (
            <>
              <Form.Item name="finding" label="核实结果" rules={[{ required: true, message: '请选择核实结果' }]}>
                <Radio.Group options={VISIT_FINDINGS.map((f) => ({ value: f, label: VISIT_FINDING_NAMES[f] }))} />
              </Form.Item>
              <Form.Item name="content" label="回访核实情况" rules={[{ required: true, whitespace: true, message: '请填写回访核实情况' }]}>
                <Input.TextArea rows={4} maxLength={TEXT_LIMITS.visit} showCount placeholder="联系了谁、怎样联系（电话、上门）、群众反映了什么、核实的结果。" />
              </Form.Item>
            </>
          )}
          {current === 'rectify' && (
            <>
              <Form.Item name="measures" label="整改措施" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}>
                <Input.TextArea rows={4} maxLength={TEXT_LIMITS.rectify} showCount placeholder="做了什么、由谁负责、何时完成。" />
              </Form.Item>
              <Form.Item
                name="outcome"
                label="告知群众的整改结果"
                extra="将以短信发给评价人，附评价整改结果的链接（满意 / 基本满意 / 不满意）。"
                rules={[{ required: true, whitespace: true, message: '请填写告知群众的整改结果' }]}
              >
                <Input.TextArea rows={2} maxLength={TEXT_LIMITS.outcome} showCount placeholder="如：已增开综合窗口，高峰时段排队不超过 15 分钟。" />
              </Form.Item>
            </>
          )}
          {current === 'close' && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title="整改结果告知群众 7 天后仍未评价的，可由中心主任办结工单。" />
              <Form.Item name="reason" label="办结理由" rules={[{ required: true, whitespace: true, message: '请填写办结理由' }]}>
                <Input.TextArea rows={2} maxLength={TEXT_LIMITS.close} showCount placeholder="如：已电话告知整改结果，群众未作评价。" />
              </Form.Item>
            </>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="wo-submit">
              提交{WORK_ORDER_ACTION_NAMES[current]}
            </Button>
            <Button onClick={() => setOpen('none')}>取消</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
