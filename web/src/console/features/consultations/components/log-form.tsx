import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { CONSULTATION_TEXT_LIMITS } from '@domain/consultations/consultations';
import { useLogConsultation, type ConsultationDetail } from '../api/consultations';
import { ItemSelect } from './item-select';

interface Values {
  channel: 'window' | 'phone';
  itemCode?: string;
  question: string;
  answer?: string;
  askerName?: string;
  askerPhone?: string;
}

/**
 * 咨询登记: the quick form a window clerk fills in seconds. The cursor starts in 问题; Tab goes 问题 → 答复 → 事项;
 * Ctrl+Enter saves from anywhere; after saving the form clears (the channel and item stay) and the cursor is back in
 * 问题 for the next person. Without an answer the question is kept as 待答复 (the clerk looks into it and calls back).
 */
export function LogForm({ onLogged }: { onLogged?: (c: ConsultationDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [last, setLast] = useState<ConsultationDetail | null>(null);
  const question = useRef<TextAreaRef>(null);
  const save = useLogConsultation();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const channel = Form.useWatch('channel', form);

  const submit = (v: Values) =>
    save.mutate(
      {
        idempotencyKey: key,
        body: { channel: v.channel, itemCode: v.itemCode, question: v.question, answer: v.answer?.trim() || undefined, askerName: v.askerName?.trim() || undefined, askerPhone: v.askerPhone?.trim() || undefined },
      },
      {
        onSuccess: (c) => {
          message.success(`已登记 ${c.consultationNo}${c.status === 'pending' ? '（待答复）' : ''}`);
          setLast(c);
          setKey(newIdempotencyKey());
          form.setFieldsValue({ question: '', answer: '', askerName: '', askerPhone: '' });
          question.current?.focus();
          onLogged?.(c);
        },
        onError: (e) => showError(e, { form }),
      },
    );

  return (
    <Card>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'window' }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="question" label="群众问的问题" rules={[{ required: true, whitespace: true, message: '请填写群众问的问题' }]}>
              <Input.TextArea ref={question} autoFocus rows={3} maxLength={CONSULTATION_TEXT_LIMITS.question} placeholder="如：办低保需要带什么材料？" data-testid="consult-question" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="answer" label="给出的答复" extra="暂时答不了的可以不填，登记为“待答复”，查清后在待答复中答复（有手机号的以短信告知）。">
              <Input.TextArea rows={3} maxLength={CONSULTATION_TEXT_LIMITS.answer} placeholder="如：带本人身份证、户口簿和家庭收入证明。" data-testid="consult-answer" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="itemCode" label="涉及事项（可不选）">
              <ItemSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label="咨询方式">
              <Radio.Group optionType="button" options={[{ value: 'window', label: '窗口咨询' }, { value: 'phone', label: '电话咨询' }]} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="askerName" label="咨询人（可不填）">
              <Input maxLength={CONSULTATION_TEXT_LIMITS.name} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="askerPhone" label="联系电话（可不填）" extra={channel === 'phone' ? '电话咨询待答复的，答复后以短信告知此号码。' : undefined}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Space align="center">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="consult-save">
            登记
          </Button>
          <Typography.Text type="secondary">Ctrl + Enter 直接登记</Typography.Text>
        </Space>
        {last && (
          <Alert
            style={{ marginTop: 16 }}
            type={last.status === 'pending' ? 'warning' : 'success'}
            showIcon
            data-testid="consult-last"
            title={`上一条：${last.consultationNo} ${last.itemName ?? '未选事项'} · ${last.statusName}`}
          />
        )}
      </Form>
    </Card>
  );
}
