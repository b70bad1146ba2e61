import { Alert, App, Button, Card, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { useLogout } from '@/features/auth/api/logout';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';

/**
 * The only screen of an account whose password an administrator created or reset: the holder sets one only
 * they know, then goes on to their work. (The server refuses every other request until then.)
 */
export function ChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();

  const done = () => {
    message.success('密码已设置，请牢记。');
    void navigate({ to: can(me.user.roles, 'cases.handle') ? '/work' : '/', replace: true });
  };
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate({ to: '/login' });
        logout.forget();
      },
    });

  return (
    <div className="login-page">
      <Card style={{ width: 440, maxWidth: '100%' }} styles={{ body: { padding: '32px 32px 24px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div className="console-brand-logo" style={{ margin: '0 auto 12px', width: 48, height: 48, lineHeight: '48px', fontSize: 26 }}>
            便
          </div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            设置您自己的密码
          </Typography.Title>
          <Typography.Text type="secondary">
            {me.user.name}（{me.user.username}）
          </Typography.Text>
        </div>
        {me.user.mustChangePassword !== false && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 20 }}
            title="您的密码是管理员设置的"
            description="为保护群众的个人信息，请先把它改为只有您自己知道的新密码，然后再开始办理。原密码就是管理员告诉您的那个。"
          />
        )}
        <ChangePasswordForm onDone={done} submitText="设置新密码并进入系统" />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button type="link" onClick={signOut} loading={logout.isPending}>
            暂不设置，退出登录
          </Button>
        </div>
      </Card>
    </div>
  );
}
