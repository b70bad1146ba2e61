import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { isApiError, isVersionConflict } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { useActOnCase, useAnswerObjection, useReviewRefusal } from '../api/act-on-case';
import type { Case, CaseAction } from '../api/case-schema';
import { ActionFields, CONFIRM_TEXT, initialValues } from './action-fields';

export const CONFLICT_TEXT = '该办件已被他人办理（版本已变化），请刷新查看最新状态';

const PRIMARY: CaseAction[] = ['accept', 'complete', 'deliver', 'receive', 'supplement', 'approve-extension', 'review'];
const DANGER: CaseAction[] = ['return', 'withdraw', 'reject-extension'];

/** A failed action as the clerk should read it: the conflict plainly, a rule by its Chinese title. */
function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (isVersionConflict(error)) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={CONFLICT_TEXT}
        action={
          <Button size="small" type="primary" icon={<ReloadOutlined />} onClick={onReload}>
            刷新
          </Button>
        }
      />
    );
  }
  const title = isApiError(error) ? error.title : '操作未能完成，请稍后重试。';
  const more = isApiError(error) ? error.errors.map((e) => e.message).filter((m) => !title.includes(m)) : [];
  return <Alert type="error" showIcon role="alert" title={title} description={more.length > 0 ? more.join('；') : undefined} />;
}

interface Props {
  c: Case;
  /** reloads the case (after a conflict) */
  onReload: () => void;
  canReviewRefusal: boolean;
}

/** Forms of the console that are not case actions: the director's review, the window's answer to an objection. */
type Extra = 'refusal-review' | 'objection-answer';

/** What the clerk is told after an action: a request waiting for someone else is not "done". */
const doneText = (action: CaseAction | Extra, title: string | undefined) => {
  if (action === 'request-extension') return '延期申请已提交，待中心主任审批';
  if (action === 'objection-answer') return '已答复中心主任的异议';
  return `${title ?? '操作'}：已完成`;
};

/** The actions the case offers this person (allowedActions from the server), each with its small form. */
export function CaseActions({ c, onReload, canReviewRefusal }: Props) {
  const me = useMe();
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseAction | Extra | null>(null);
  // The name as it was when the dialog opened: allowedActions changes as soon as the action is done.
  const [title, setTitle] = useState<string | undefined>();
  // Locked from the first click of 确定 (before the form's async validation) until the answer: a double click or
  // Enter then 确定 sends the action once. The ref stops the second call at once; the state shows it on the button.
  const submitting = useRef(false);
  const [locked, setLocked] = useState(false);
  // One key per opening of the dialog: 确定 pressed again after a lost answer repeats the same request, which the
  // server answers with the case as that request left it instead of "已被他人修改".
  const key = useRef('');
  const [form] = Form.useForm();
  const act = useActOnCase();
  const review = useReviewRefusal();
  const answer = useAnswerObjection();
  const pending = locked || act.isPending || review.isPending || answer.isPending;
  const error = open === 'refusal-review' ? review.error : open === 'objection-answer' ? answer.error : act.error;
  const needsRefusalReview = canReviewRefusal && c.refusal !== null && c.refusal !== undefined && !c.refusalReview;
  // the director's objection is the window's task: answered once, which closes it, and never by whoever raised it
  const needsAnswer = Boolean(c.refusalObjection && !c.refusalObjection.answer && c.refusalObjection.byUserId !== me.user.id);

  const unlock = () => {
    submitting.current = false;
    setLocked(false);
  };
  const start = (action: CaseAction | Extra) => {
    act.reset();
    review.reset();
    answer.reset();
    form.resetFields();
    form.setFieldsValue(action === 'refusal-review' ? { opinion: 'upheld' } : action === 'objection-answer' ? {} : initialValues(c, action));
    setTitle(action === 'refusal-review' ? '否定报备审查' : action === 'objection-answer' ? '答复异议' : c.allowedActions.find((a) => a.action === action)?.name);
    key.current = newIdempotencyKey();
    unlock();
    setOpen(action);
  };
  const close = () => setOpen(null);
  const reload = () => {
    close();
    act.reset();
    review.reset();
    answer.reset();
    onReload();
  };

  const submit = async () => {
    if (!open || submitting.current) return;
    submitting.current = true;
    setLocked(true);
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      // the form already shows what is missing under each field; nothing was sent
      unlock();
      return;
    }
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    // stays locked after success: the dialog closes, and the next opening unlocks
    const callbacks = {
      onSuccess: () => {
        message.success(doneText(open, title));
        close();
      },
      onError: unlock,
    };
    if (open === 'objection-answer') {
      answer.mutate({ id: c.id, expectedVersion: c.version, answer: values.answer as string }, callbacks);
    } else if (open === 'refusal-review') {
      review.mutate({ id: c.id, expectedVersion: c.version, opinion: values.opinion as 'upheld' | 'questioned', comment: (values.comment as string) || undefined }, callbacks);
    } else {
      act.mutate({ id: c.id, action: open, expectedVersion: c.version, input, idempotencyKey: key.current }, callbacks);
    }
  };

  return (
    <Card title="办理操作" size="small" style={{ marginBottom: 16 }}>
      {c.allowedActions.length === 0 && !needsRefusalReview && !needsAnswer ? (
        <Typography.Text type="secondary">本件当前没有您可以办理的操作。</Typography.Text>
      ) : (
        <Space wrap>
          {c.allowedActions.map((a) => (
            <Button key={a.action} autoInsertSpace={false} type={PRIMARY.includes(a.action) ? 'primary' : 'default'} danger={DANGER.includes(a.action)} onClick={() => start(a.action)}>
              {a.name}
            </Button>
          ))}
          {needsRefusalReview && <Button onClick={() => start('refusal-review')}>否定报备审查</Button>}
          {needsAnswer && (
            <Button type="primary" danger onClick={() => start('objection-answer')}>
              答复异议
            </Button>
          )}
        </Space>
      )}
      <Modal
        open={open !== null}
        title={`${title ?? ''} · ${c.caseNo}`}
        okText="确定"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={close}
        confirmLoading={pending}
        destroyOnHidden
        width={560}
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
          {open === 'objection-answer' ? (
            <>
              <Typography.Paragraph>
                中心主任的异议：<Typography.Text strong>{c.refusalObjection?.comment}</Typography.Text>
              </Typography.Paragraph>
              <Form.Item name="answer" label="答复（是否纠正、如何纠正）" rules={[{ required: true, whitespace: true, message: '请写明对异议的答复' }]}>
                <Input.TextArea rows={3} maxLength={500} placeholder="如：已电话联系申请人，明日到窗口当场填写申请书后重新受理" />
              </Form.Item>
            </>
          ) : open === 'refusal-review' ? (
            <>
              <Form.Item name="opinion" label="审查意见" rules={[{ required: true, message: '请选择审查意见' }]}>
                <Radio.Group options={[{ value: 'upheld', label: '同意（理由和依据充分）' }, { value: 'questioned', label: '有异议' }]} />
              </Form.Item>
              <Form.Item name="comment" label="审查说明（有异议时必填）">
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          ) : open ? (
            <>
              {CONFIRM_TEXT[open] && <Typography.Paragraph>{CONFIRM_TEXT[open]}</Typography.Paragraph>}
              <ActionFields c={c} action={open} form={form} />
            </>
          ) : null}
        </Form>
        {error && <ActionError error={error} onReload={reload} />}
      </Modal>
    </Card>
  );
}
