import { Alert, Card, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { DemoHint } from '@/features/auth/components/demo-hint';
import { LoginForm } from '@/features/auth/components/login-form';
import { can } from '@/lib/authorization';

const route = getRouteApi('/login');

export function LoginPage() {
  const { redirect, expired } = route.useSearch();
  const navigate = useNavigate();

  // Whoever handles cases starts the day on 我的工作; everyone else on the 工作台.
  const afterLogin = (user: { roles: string[] }) => {
    // Opening the bare address is no place to return to: go home.
    if (redirect && redirect !== '/') void navigate({ href: redirect, replace: true });
    else void navigate({ to: can(user.roles, 'cases.handle') ? '/work' : '/', replace: true });
  };

  return (
    <div className="login-page">
      <Card style={{ width: 400, maxWidth: '100%' }} styles={{ body: { padding: '36px 32px 28px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 28 }}>
          <div className="console-brand-logo" style={{ margin: '0 auto 12px', width: 48, height: 48, lineHeight: '48px', fontSize: 26 }}>
            便
          </div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            便民服务平台
          </Typography.Title>
          <Typography.Text type="secondary">工作人员登录</Typography.Text>
        </div>
        {expired && <Alert type="warning" showIcon title="登录已超时或已在别处退出，请重新登录。" style={{ marginBottom: 16 }} />}
        <LoginForm onSuccess={afterLogin} />
        <DemoHint />
      </Card>
    </div>
  );
}
