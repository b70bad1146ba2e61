import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { FAQ_TEXT_LIMITS } from '@domain/consultations/faq';
import { useCreateFaq } from '../api/consultations';

export interface PromoteSource {
  itemCode: string;
  itemName: string;
  question: string;
  answer: string | null;
  /** the consultation promoted (none: a new entry written by hand) */
  consultationId?: string | undefined;
  /** how often it was asked, shown to help the wording */
  count?: number;
}

/** 选入常见问题: the question and answer as the public will read them (edited from what was asked), into the item's FAQ. */
export function PromoteModal({ source, onClose }: { source: PromoteSource | null; onClose: () => void }) {
  const [form] = Form.useForm<{ question: string; answer: string }>();
  const [key] = useState(newIdempotencyKey);
  const create = useCreateFaq();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  if (!source) return null;
  return (
    <Modal
      title={source.consultationId ? `选入“${source.itemName}”的常见问题` : `新增“${source.itemName}”的常见问题`}
      open
      onCancel={onClose}
      okText={source.consultationId ? '选入常见问题' : '新增'}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={680}
    >
      {source.consultationId && (
        <Typography.Paragraph type="secondary">
          群众原话：{source.question}
          {source.count && source.count > 1 ? `（近一年类似问题 ${source.count} 次）` : ''}。请改写成群众一看就懂的问题和答复，公开在事项的办事指南和网上办事大厅。
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ question: source.question, answer: source.answer ?? '' }}
        onFinish={(v) =>
          create.mutate(
            { idempotencyKey: key, body: { itemCode: source.itemCode, question: v.question, answer: v.answer, consultationId: source.consultationId } },
            {
              onSuccess: () => {
                message.success('已加入常见问题');
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="question" label="问题" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
          <Input maxLength={FAQ_TEXT_LIMITS.question} showCount data-testid="faq-question" />
        </Form.Item>
        <Form.Item name="answer" label="答复" rules={[{ required: true, whitespace: true, message: '请填写答复' }]}>
          <Input.TextArea rows={5} maxLength={FAQ_TEXT_LIMITS.answer} showCount data-testid="faq-answer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
