import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { passwordRuleHint, passwordRules } from '@/lib/password-rules';
import { useChangePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 原密码, 新密码 twice, with the deployment's rule under the field. The server's reason (wrong current
 * password with the guesses left, a weak new one) shows above the button.
 */
export function ChangePasswordForm({ onDone, submitText = '修改密码' }: { onDone: () => void; submitText?: string }) {
  const me = useMe();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const error = change.error;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }, { onSuccess: onDone })}
      onValuesChange={() => change.error && change.reset()}
    >
      <Form.Item name="currentPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password prefix={<LockOutlined />} placeholder="请输入原密码" autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={passwordRules(me.passwordPolicy, me.user.username)}
        extra={<Typography.Text type="secondary">{passwordRuleHint(me.passwordPolicy)}</Typography.Text>}
      >
        <Input.Password prefix={<LockOutlined />} placeholder="请输入新密码" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="再次输入新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, v) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} placeholder="请再次输入新密码" autoComplete="new-password" />
      </Form.Item>
      {error && (
        <Alert
          type={isApiError(error) && error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
          showIcon
          title={isApiError(error) ? error.title : '密码没有修改成功，请稍后重试。'}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {submitText}
      </Button>
    </Form>
  );
}
