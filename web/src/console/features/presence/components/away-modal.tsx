import { Alert, Form, Input, Modal, Radio } from 'antd';
import { isApiError } from '@/lib/api-client';
import { WHEREABOUTS, type Whereabouts } from '@domain/transparency/whereabouts';
import { useSetPresence } from '../api/presence';

/** The kinds of being away (去向 other than 在岗); the note says the rest, for staff only. */
export const AWAY_KINDS = WHEREABOUTS.filter((w) => w !== '在岗');

interface Props {
  /** whose presence: oneself, or (director) a member of staff */
  person: { id: string; name: string } | null;
  self: boolean;
  onClose: () => void;
}

/** 登记离岗: the reason is required, so that B can take over and the director knows where the person is. */
export function AwayModal({ person, self, onClose }: Props) {
  const [form] = Form.useForm<{ whereabouts: Whereabouts; note?: string }>();
  const save = useSetPresence();
  const submit = async () => {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    save.mutate({ userId: person!.id, whereabouts: values.whereabouts, note: values.note?.trim() || null }, { onSuccess: close });
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
      <Form form={form} layout="vertical" preserve={false} initialValues={{ whereabouts: '下村' }}>
        <Form.Item name="whereabouts" label="去向" rules={[{ required: true, message: '请选择去向' }]}>
          <Radio.Group optionType="button" options={AWAY_KINDS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="note" label="说明（仅本中心工作人员可见）">
          <Input maxLength={100} placeholder="如：到县政务服务中心送件，下午回" />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title="离岗期间，A 岗窗口的新办件和在办件由 B 岗顶岗办理；返岗后自动回到 A 岗。" />
      {save.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={isApiError(save.error) ? save.error.title : '登记未成功，请稍后重试。'} /> : null}
    </Modal>
  );
}
