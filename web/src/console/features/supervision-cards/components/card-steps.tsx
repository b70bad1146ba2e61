import { Alert, App, Button, Card, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { CARD_ACTION_NAMES, CARD_LEVEL_NAMES, CARD_TEXT_LIMITS, raisedLevel, type CardAction } from '@domain/supervision/cards';
import { useCardStep, type CardDetail } from '../api/cards';
import { centerNow } from '@/lib/format';

interface Values {
  text?: string;
  replyBy?: Dayjs;
}

/** What the person is told after each step. */
const DONE: Record<Exclude<CardAction, 'issue'>, (level: string) => string> = {
  reply: () => '已回告，已通知发出督办单的纪检监察员。',
  return: () => '已退回，请中心重新回告。',
  raise: (level) => `已升级为${level}，已通知中心主任。`,
  close: () => '已销号。',
};

const TEXT_LABELS: Record<Exclude<CardAction, 'issue'>, string> = { reply: '回告内容', return: '退回理由', raise: '升级理由', close: '销号意见（可不填）' };
const PLACEHOLDERS: Record<Exclude<CardAction, 'issue'>, string> = {
  reply: '写明原因、已采取的整改措施和结果。',
  return: '写明回告哪里不充分，中心据此重新回告。',
  raise: '如：逾期未回告，升级督办。',
  close: '如：整改到位，予以销号。',
};

/**
 * What the person may do on the card now (the server's allowedActions): the director answers (回告); the supervisor
 * closes it (销号), sends the answer back (退回) or raises the colour (升级, a new reply date).
 */
export function CardSteps({ card, onReload }: { card: CardDetail; onReload: () => void }) {
  const actions = card.allowedActions.filter((a): a is Exclude<CardAction, 'issue'> => a !== 'issue');
  const [open, setOpen] = useState<Exclude<CardAction, 'issue'> | null>(actions.length === 1 && actions[0] === 'reply' ? 'reply' : null);
  const [form] = Form.useForm<Values>();
  const step = useCardStep(card.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  if (actions.length === 0) return null;

  const submit = (values: Values) => {
    if (!open) return;
    const text = values.text ?? '';
    const replyBy = values.replyBy?.format('YYYY-MM-DD');
    const body =
      open === 'reply'
        ? { action: open, content: text }
        : open === 'return'
          ? { action: open, reason: text, replyBy }
          : open === 'raise'
            ? { action: open, reason: text, replyBy: replyBy ?? '' }
            : { action: open, remark: text || undefined };
    step.mutate(
      { step: body, expectedVersion: card.version },
      {
        onSuccess: (c) => {
          message.success(DONE[open](c.levelName));
          setOpen(null);
          form.resetFields();
        },
        onError: (e) => showError(e, { form, onReload }),
      },
    );
  };

  const next = raisedLevel(card.level);
  return (
    <Card title="办理" size="small" style={{ marginBottom: 16 }} data-testid="card-steps">
      <Space wrap style={{ marginBottom: open ? 16 : 0 }}>
        {actions.map((a) => (
          <Button
            key={a}
            type={open === a ? 'primary' : 'default'}
            danger={a === 'raise'}
            onClick={() => {
              setOpen(a);
              form.resetFields();
            }}
            data-testid={`card-action-${a}`}
          >
            {a === 'raise' && next ? `升级为${CARD_LEVEL_NAMES[next]}` : CARD_ACTION_NAMES[a]}
          </Button>
        ))}
      </Space>
      {open && (
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          {open === 'reply' && card.late && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`已超过回告期限（${card.replyBy}），请尽快回告并说明逾期原因。`} />}
          <Form.Item name="text" label={TEXT_LABELS[open]} rules={open === 'close' ? [] : [{ required: true, whitespace: true, message: `请填写${TEXT_LABELS[open]}` }]}>
            <Input.TextArea rows={4} maxLength={open === 'reply' ? CARD_TEXT_LIMITS.reply : CARD_TEXT_LIMITS.reason} showCount placeholder={PLACEHOLDERS[open]} data-testid="card-step-text" />
          </Form.Item>
          {(open === 'raise' || open === 'return') && (
            <Form.Item
              name="replyBy"
              label={open === 'raise' ? '新的回告期限' : '新的回告期限（不填则不变）'}
              rules={open === 'raise' ? [{ required: true, message: '升级督办须重新确定回告期限' }] : []}
            >
              <DatePicker style={{ width: 220 }} disabledDate={(d) => d.isBefore(centerNow().add(1, 'day'), 'day')} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="card-step-submit">
              {open === 'reply' ? '提交回告' : `确认${CARD_ACTION_NAMES[open]}`}
            </Button>
            <Button onClick={() => setOpen(null)}>取消</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
