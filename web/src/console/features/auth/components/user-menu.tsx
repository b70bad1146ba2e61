import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Space, Tag, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { roleName } from '@/lib/roles';
import { useMe } from '@/lib/auth';
import { useLogout } from '../api/logout';

// Loaded when opened: the password rules carry the list of common passwords (ASVS policy).
const ChangePasswordModal = lazy(() => import('./change-password-modal').then((m) => ({ default: m.ChangePasswordModal })));

/** Header corner: who is signed in, in which roles, 修改密码 and 退出登录. */
export function UserMenu() {
  const { user } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: async () => {
        // Leave the console before the cached session is dropped: its pages need the signed-in person.
        await navigate({ to: '/login' });
        logout.forget();
        message.success('您已安全退出。');
      },
    });

  return (
    <Space size="middle" className="user-menu">
      <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1a5fb4' }} />
      <Typography.Text strong>{user.name}</Typography.Text>
      <span>
        {user.roles.map((role) => (
          <Tag key={role} color="blue" variant="filled" style={{ marginInlineEnd: 4 }}>
            {roleName(role)}
          </Tag>
        ))}
      </span>
      <Button type="text" icon={<KeyOutlined />} onClick={() => setChanging(true)}>
        修改密码
      </Button>
      <Button type="text" icon={<LogoutOutlined />} loading={logout.isPending} onClick={signOut}>
        退出登录
      </Button>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </Space>
  );
}
