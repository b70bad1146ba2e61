import { App, Form, Input, Modal } from 'antd';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import type { User } from '../api/get-users';
import { useResetPassword } from '../api/save-user';
import { passwordRules } from '../utils/password-rules';

/** A new password set by the administrator; it also lifts a lock-out. Tell the person in person, not by message. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();
  const showError = useErrorFeedback();
  const { message } = App.useApp();

  return (
    <Modal
      open
      title={`重置密码：${user.name}（${user.username}）`}
      okText="重置密码"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ password }) =>
          reset.mutate(
            { id: user.id, password },
            {
              onSuccess: () => {
                message.success(`已为${user.name}重置密码，请当面告知本人并提醒及时修改。`);
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="password" label="新密码" rules={passwordRules} extra="至少 8 位，包含字母、数字、符号中的至少两类">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
