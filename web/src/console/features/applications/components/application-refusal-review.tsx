import { Alert, Button, Card, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { ApiError } from '@/lib/api-client';
import type { ApplicationDetail } from '../api/applications';
import { useApplicationRefusalReview } from '../api/applications';

type Open = 'review' | 'answer' | null;

/**
 * 否定报备 of a returned application (DOMAIN.md rule 2), as on a returned case's page: the director reviews the return
 * (同意, or 有异议 with what is wrong), and the window answers an objection — never the person who raised it.
 */
export function ApplicationRefusalReview({ application: a, canReview, meId }: { application: ApplicationDetail; canReview: boolean; meId: string }) {
  const { review, answer } = useApplicationRefusalReview(a.id);
  const [open, setOpen] = useState<Open>(null);
  const [form] = Form.useForm<{ opinion?: 'upheld' | 'questioned'; comment?: string; answer?: string }>();
  const register = a.refusalReview;
  if (!register) return null;
  const r = register.review;
  const needsReview = canReview && register.awaitingReview;
  const needsAnswer = Boolean(r && r.opinion === 'questioned' && !r.answer && r.byUserId !== meId);
  const failed = open === 'review' ? review.error : open === 'answer' ? answer.error : null;
  const error = failed instanceof ApiError ? failed.title : failed ? '操作没有成功，请稍后再试。' : null;

  const close = () => {
    setOpen(null);
    form.resetFields();
    review.reset();
    answer.reset();
  };
  const submit = async () => {
    let values;
    try {
      values = await form.validateFields();
    } catch {
      // the form already shows what is missing under each field; nothing was sent
      return;
    }
    try {
      if (open === 'review') await review.mutateAsync({ expectedVersion: a.version, opinion: values.opinion ?? 'upheld', comment: values.comment?.trim() || undefined });
      if (open === 'answer') await answer.mutateAsync({ expectedVersion: a.version, answer: values.answer ?? '' });
    } catch {
      // the mutation's error is shown inside the dialog, which stays open
      return;
    }
    close();
  };

  return (
    <Card
      title="否定报备"
      size="small"
      style={{ marginTop: 16 }}
      data-testid="application-refusal-review"
      extra={
        <Space>
          {needsReview && (
            <Button type="primary" onClick={() => { form.setFieldsValue({ opinion: 'upheld' }); setOpen('review'); }} data-testid="application-refusal-review-start">
              否定报备审查
            </Button>
          )}
          {needsAnswer && (
            <Button type="primary" danger onClick={() => setOpen('answer')}>
              答复异议
            </Button>
          )}
        </Space>
      }
    >
      {!r ? (
        <Typography.Text>
          <Tag color="orange">待中心主任审查</Tag>退回的网上申请与退回件一样记入否定报备，由中心主任审查理由和依据是否充分。
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={4}>
          <div>
            审查意见：<Tag color={r.opinion === 'questioned' ? 'red' : 'green'}>{r.opinion === 'questioned' ? '有异议' : '同意'}</Tag>
            {r.by ?? ''}（{formatDateTime(r.at)}）
          </div>
          {r.comment && <div>审查说明：{r.comment}</div>}
          {r.opinion === 'questioned' && (
            <Typography.Text type={r.answer ? undefined : 'danger'}>
              {r.answer ? `窗口答复：${r.answer.text}（${r.answer.by ?? ''}，${formatDateTime(r.answer.at)}）` : '窗口尚未答复异议'}
            </Typography.Text>
          )}
        </Space>
      )}
      <Modal
        open={open !== null}
        title={`${open === 'review' ? '否定报备审查' : '答复异议'} · ${a.applicationNo}`}
        okText="确定"
        cancelText="取消"
        onOk={() => void submit().catch(() => undefined)}
        onCancel={close}
        confirmLoading={review.isPending || answer.isPending}
        destroyOnHidden
        width={560}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'answer' ? (
            <>
              <Typography.Paragraph>
                中心主任的异议：<Typography.Text strong>{r?.comment}</Typography.Text>
              </Typography.Paragraph>
              <Form.Item name="answer" label="答复（是否纠正、如何纠正）" rules={[{ required: true, whitespace: true, message: '请写明对异议的答复' }]}>
                <Input.TextArea rows={3} maxLength={500} placeholder="如：已电话联系申请人，请其补传材料后重新申请" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="opinion" label="审查意见" rules={[{ required: true, message: '请选择审查意见' }]}>
                <Radio.Group options={[{ value: 'upheld', label: '同意（理由和依据充分）' }, { value: 'questioned', label: '有异议' }]} />
              </Form.Item>
              <Form.Item
                name="comment"
                label="审查说明（有异议时必填）"
                dependencies={['opinion']}
                rules={[({ getFieldValue }) => ({ required: getFieldValue('opinion') === 'questioned', whitespace: true, message: '有异议时请写明哪里不妥、如何纠正' })]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          )}
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </Card>
  );
}
