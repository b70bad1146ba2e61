import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { CONSULTATION_TEXT_LIMITS } from '@domain/consultations/consultations';
import { useAnswerConsultation, type Consultation } from '../api/consultations';
import { ItemSelect } from './item-select';

/** 答复 a 待答复 question: the answer (sent to the asker by SMS when there is a phone) and, if missing, the item. */
export function AnswerModal({ consultation, onClose }: { consultation: Consultation | null; onClose: () => void }) {
  const [form] = Form.useForm<{ answer: string; itemCode?: string }>();
  const answer = useAnswerConsultation();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  if (!consultation) return null;
  return (
    <Modal
      title={`答复咨询 ${consultation.consultationNo}`}
      open
      onCancel={onClose}
      okText="答复"
      onOk={() => form.submit()}
      confirmLoading={answer.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>
        <Typography.Text strong>问：</Typography.Text>
        {consultation.question}
      </Typography.Paragraph>
      {consultation.askerPhone && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`答复将以短信发送给 ${consultation.askerName ?? '咨询人'}（${consultation.askerPhone}）`} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ itemCode: consultation.itemCode ?? undefined }}
        onFinish={(v) =>
          answer.mutate(
            { id: consultation.id, answer: v.answer, itemCode: v.itemCode, expectedVersion: consultation.version },
            {
              onSuccess: () => {
                message.success('已答复');
                onClose();
              },
              onError: (e) => showError(e, { form, onReload: onClose }),
            },
          )
        }
      >
        <Form.Item name="answer" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
          <Input.TextArea autoFocus rows={5} maxLength={CONSULTATION_TEXT_LIMITS.answer} showCount data-testid="answer-text" />
        </Form.Item>
        <Form.Item name="itemCode" label="涉及事项">
          <ItemSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
