import { Alert, Form, Input, Modal, Radio } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useSetPresence } from '../api/presence';

/** The usual reasons in a township hall; anything else is typed. */
export const AWAY_REASONS = ['下村', '开会', '请假', '外出办事', '培训'] as const;

interface Props {
  /** whose presence: oneself, or (director) a member of staff */
  person: { id: string; name: string } | null;
  self: boolean;
  onClose: () => void;
}

/** 登记离岗: the reason is required, so that B can take over and the director knows where the person is. */
export function AwayModal({ person, self, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string; other?: string }>();
  const reason = Form.useWatch('reason', form);
  const save = useSetPresence();
  const submit = async () => {
    const values = await form.validateFields();
    const text = values.reason === '其他' ? (values.other ?? '').trim() : values.reason;
    save.mutate({ userId: person!.id, away: true, reason: text }, { onSuccess: close });
  };
  /** Closing forgets the last attempt's error, so the next opening starts clean. */
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      open={person !== null}
      title={self ? '登记离岗' : `登记离岗 · ${person?.name ?? ''}`}
      okText="确认离岗"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      // a fresh form at every opening (destroyOnHidden, preserve=false): nothing is reset once it is open, so a
      // reason chosen while the dialog is still opening on a slow machine is never thrown away
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: '下村' }}>
        <Form.Item name="reason" label="离岗事由" rules={[{ required: true, message: '请选择离岗事由' }]}>
          <Radio.Group optionType="button" options={[...AWAY_REASONS, '其他'].map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        {reason === '其他' && (
          <Form.Item name="other" label="其他事由" rules={[{ required: true, whitespace: true, message: '请写明离岗事由' }]}>
            <Input maxLength={100} placeholder="如：到县政务服务中心送件" />
          </Form.Item>
        )}
      </Form>
      <Alert type="info" showIcon title="离岗期间，A 岗窗口的新办件和在办件由 B 岗顶岗办理；返岗后自动回到 A 岗。" />
      {save.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={isApiError(save.error) ? save.error.title : '登记未成功，请稍后重试。'} /> : null}
    </Modal>
  );
}
