import { App, Form, Input, Modal } from 'antd';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import type { User } from '../api/get-users';
import { useResetPassword } from '../api/save-user';
import { useMe } from '@/lib/auth';
import { passwordRuleHint, passwordRules } from '@/lib/password-rules';

/**
 * A new password set by the security administrator; it also lifts a lock-out and ends the person's sessions.
 * Tell it in person, not by message: the person must replace it with their own at the next sign-in.
 */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const me = useMe();

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
                message.success(`已为${user.name}重置密码。请当面告知本人，本人下次登录时须改为自己的密码。`);
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="password" label="新密码" rules={passwordRules(me.passwordPolicy, user.username)} extra={passwordRuleHint(me.passwordPolicy)}>
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
