import { Alert, Form, Input, Modal, Radio } from 'antd';
import { WHEREABOUTS, type Whereabouts } from '@domain/transparency/whereabouts';
import { isApiError } from '@/lib/api-client';
import { useSetPresence } from '../api/presence';

interface Props {
  /** whose 去向: oneself, or (director) a member of staff; null: closed */
  person: { id: string; name: string; whereabouts: Whereabouts; note?: string | null } | null;
  self: boolean;
  onClose: () => void;
}

/**
 * 设置去向: one of 在岗/下村/开会/请假/出差, with a note only staff see (the public sees the kind). Away from the
 * post, the B post works the person's windows (AB岗).
 */
export function WhereaboutsModal({ person, self, onClose }: Props) {
  const [form] = Form.useForm<{ whereabouts: Whereabouts; note?: string }>();
  const kind = Form.useWatch('whereabouts', form);
  const save = useSetPresence();
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = async () => {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    save.mutate({ userId: person!.id, whereabouts: values.whereabouts, note: values.whereabouts === '在岗' ? null : values.note?.trim() || null }, { onSuccess: close });
  };
  return (
    <Modal
      open={person !== null}
      title={self ? '设置我的去向' : `设置去向 · ${person?.name ?? ''}`}
      okText="保存去向"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ whereabouts: person?.whereabouts ?? '在岗', note: person?.note ?? '' }}>
        <Form.Item name="whereabouts" label="去向" rules={[{ required: true, message: '请选择去向' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={WHEREABOUTS.map((w) => ({ value: w, label: w }))} />
        </Form.Item>
        {kind && kind !== '在岗' && (
          <Form.Item name="note" label="说明（仅本中心工作人员可见，群众只看到去向类别）">
            <Input maxLength={100} placeholder="如：柳河村入户核查低保，下午三点回" />
          </Form.Item>
        )}
      </Form>
      {kind && kind !== '在岗' ? (
        <Alert type="info" showIcon title="离岗期间，A 岗窗口的新办件和在办件由 B 岗顶岗办理；改回“在岗”后自动回到 A 岗。" />
      ) : null}
      {save.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={isApiError(save.error) ? save.error.title : '保存未成功，请稍后重试。'} /> : null}
    </Modal>
  );
}
