import { App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { APPEAL_REASONS, APPEAL_REASON_NAMES, APPEAL_TEXT_LIMITS, type AppealReason } from '@domain/evaluation/appeals';
import { useDecideAppeal, useRequestAppeal, type Appeal } from '../api/work-orders';

/** The appeal of a 差评 as it stands: who asked why, with what evidence, and the supervisor's decision. */
export function AppealFacts({ appeal }: { appeal: Appeal }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="申诉状态">
        <Typography.Text type={appeal.status === 'upheld' ? 'success' : appeal.status === 'rejected' ? 'danger' : 'warning'}>{appeal.statusName}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="申诉理由">{appeal.reasonName}</Descriptions.Item>
      <Descriptions.Item label="事实和证据">
        <div style={{ whiteSpace: 'pre-wrap' }}>{appeal.evidence}</div>
      </Descriptions.Item>
      <Descriptions.Item label="申诉人">
        {appeal.requestedByName} · {formatDateTime(appeal.requestedAt)}
      </Descriptions.Item>
      {appeal.decision && (
        <Descriptions.Item label="复核意见">
          <div style={{ whiteSpace: 'pre-wrap' }}>{appeal.decision}</div>
          <Typography.Text type="secondary">
            {appeal.decidedByName} · {formatDateTime(appeal.decidedAt)}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The supervisor's decision on a pending appeal. */
export function AppealDecision({ appeal, onReload }: { appeal: Appeal; onReload: () => void }) {
  const [form] = Form.useForm<{ decision: string }>();
  const decide = useDecideAppeal(appeal.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [action, setAction] = useState<'uphold' | 'reject'>('uphold');
  if (!appeal.allowedActions.some((a) => a === 'uphold' || a === 'reject')) return null;
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      data-testid="appeal-decision"
      onFinish={(v) =>
        decide.mutate(
          { action, decision: v.decision, expectedVersion: appeal.version },
          { onSuccess: () => message.success(action === 'uphold' ? '已认定申诉成立：该评价不再计入统计和排名，记录保留。' : '已认定申诉不成立。'), onError: (e) => showError(e, { form, onReload }) },
        )
      }
    >
      <Form.Item name="decision" label="复核意见" rules={[{ required: true, whitespace: true, message: '请填写复核意见' }]}>
        <Input.TextArea rows={3} maxLength={APPEAL_TEXT_LIMITS.decision} showCount placeholder="核实了哪些证据、认定的理由。" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={decide.isPending && action === 'uphold'} onClick={() => setAction('uphold')} data-testid="appeal-uphold">
          申诉成立
        </Button>
        <Button danger htmlType="submit" loading={decide.isPending && action === 'reject'} onClick={() => setAction('reject')} data-testid="appeal-reject">
          申诉不成立
        </Button>
      </Space>
    </Form>
  );
}

/** 申诉复核 on a work order's page: the director asks (once per rating); the decision once asked. */
export function AppealCard({ ratingId, appeal, onReload }: { ratingId: string; appeal: Appeal | null; onReload: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<{ reason: AppealReason; evidence: string }>();
  const request = useRequestAppeal(ratingId);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const mayAsk = can(me.user.roles, 'evaluations.appeal');
  if (!appeal && !mayAsk) return null;
  return (
    <Card title="申诉复核" size="small" style={{ marginBottom: 16 }} data-testid="appeal-card">
      {appeal ? (
        <>
          <AppealFacts appeal={appeal} />
          <AppealDecision appeal={appeal} onReload={onReload} />
        </>
      ) : !asking ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">评价对象错误、不属于本中心职权、恶意评价或误操作的差评，中心主任可附证据提出申诉，由纪检监察员复核；申诉成立的评价不计入统计和排名，但保留记录。</Typography.Text>
          <Button onClick={() => setAsking(true)} data-testid="appeal-open">
            提出申诉
          </Button>
        </Space>
      ) : (
        <Form
          form={form}
          layout="vertical"
          data-testid="appeal-form"
          onFinish={(v) =>
            request.mutate(v, {
              onSuccess: () => {
                message.success('已提出申诉，等待纪检监察员复核。');
                setAsking(false);
                onReload();
              },
              onError: (e) => showError(e, { form, onReload }),
            })
          }
        >
          <Form.Item name="reason" label="申诉理由" rules={[{ required: true, message: '请选择申诉理由' }]}>
            <Select options={APPEAL_REASONS.map((r) => ({ value: r, label: APPEAL_REASON_NAMES[r] }))} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="evidence" label="事实和证据" rules={[{ required: true, whitespace: true, message: '请填写申诉的事实和证据' }]}>
            <Input.TextArea rows={4} maxLength={APPEAL_TEXT_LIMITS.evidence} showCount placeholder="评价的是哪次服务、实际情况如何、有何佐证（录音录像、办件记录、证人）。" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={request.isPending} data-testid="appeal-submit">
              提交申诉
            </Button>
            <Button onClick={() => setAsking(false)}>取消</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
