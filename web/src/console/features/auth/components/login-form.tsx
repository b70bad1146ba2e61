import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useLogin, type LoginInput } from '../api/login';

/** 用户名 + 密码; the server's reason (wrong password, account locked until …) shows above the button. */
export function LoginForm({ onSuccess }: { onSuccess: (user: { roles: string[] }) => void }) {
  const login = useLogin();
  const error = login.error;

  return (
    <Form<LoginInput>
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess: (data) => onSuccess(data.user) })}
      onValuesChange={() => login.error && login.reset()}
    >
      <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
      </Form.Item>
      {error && (
        <Alert
          type={isApiError(error) && error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
          showIcon
          title={isApiError(error) ? error.title : '登录失败，请稍后重试。'}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登 录
      </Button>
    </Form>
  );
}
