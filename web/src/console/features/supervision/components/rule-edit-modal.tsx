import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { isApiError, isVersionConflict } from '@/lib/api-client';
import { useUpdateRule, type SupervisionRule } from '../api/rules';

interface Values {
  enabled: boolean;
  reason: string;
  [param: string]: unknown;
}

/** The administrator switches a rule and sets its parameters; the reason is required and kept in its history. */
export function RuleEditModal({ rule, onClose }: { rule: SupervisionRule | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateRule();
  const { message } = App.useApp();

  const submit = async () => {
    if (!rule) return;
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parameters = Object.fromEntries(rule.parameters.map((p) => [p.key, Number(values[`p_${p.key}`])]));
    try {
      await update.mutateAsync({
        code: rule.code,
        expectedVersion: rule.version,
        enabled: values.enabled,
        ...(rule.parameters.length > 0 ? { parameters } : {}),
        reason: values.reason,
      });
      message.success(`已保存“${rule.number} ${rule.name}”的调整`);
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) message.error('这条规则刚被他人调整过，已刷新为最新内容，请重新调整。');
      else message.error(isApiError(error) ? error.title : '保存失败，请稍后重试。');
      if (isVersionConflict(error)) onClose();
    }
  };

  return (
    <Modal
      open={rule !== null}
      title={rule ? `调整监察规则：${rule.number} ${rule.name}` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {rule && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ enabled: rule.enabled, reason: '', ...Object.fromEntries(rule.parameters.map((p) => [`p_${p.key}`, p.value])) }}
        >
          <Form.Item name="enabled" label="开关" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
          {rule.parameters.map((p) => (
            <Form.Item
              key={p.key}
              name={`p_${p.key}`}
              label={`${p.label}（${p.unit}，默认 ${p.default}）`}
              rules={[{ required: true, type: 'integer', min: p.min, max: p.max, message: `请填写 ${p.min} 到 ${p.max} 之间的整数` }]}
            >
              <InputNumber min={p.min} max={p.max} precision={0} addonAfter={p.unit} style={{ width: 220 }} />
            </Form.Item>
          ))}
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, message: '请写明调整的理由' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：依县政务服务管理办公室通知，转报超时给予半小时宽限" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
