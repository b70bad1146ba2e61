import { Avatar, Card, Descriptions, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { formatSessions } from '@/lib/format';
import { centerTitle, levelLabel } from '@/lib/levels';
import { roleName } from '@/lib/roles';
import { useMe } from '@/lib/auth';

const greeting = (): string => {
  const hour = new Date().getHours();
  if (hour < 6) return '您好';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
};

/** Who is signed in and the center they work at. */
export function ProfileCard() {
  const { user, levelNames } = useMe();
  const org = user.org;
  const center = org ? centerTitle(org) : (user.orgName ?? '');
  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 20 }}>
        <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1a5fb4', flex: 'none' }} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {user.name}，{greeting()}！
          </Typography.Title>
          <Typography.Text type="secondary">
            {center}
            {user.roles.map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineStart: 8 }}>
                {roleName(r)}
              </Tag>
            ))}
          </Typography.Text>
        </div>
      </div>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'username', label: '登录账号', children: user.username },
          { key: 'level', label: '机构层级', children: user.orgLevel ? levelLabel(user.orgLevel, levelNames) : '—' },
          { key: 'address', label: '办公地址', children: org?.address || '未填写' },
          { key: 'phone', label: '咨询电话', children: org?.phone || '未填写' },
          { key: 'hours', label: '办公时间', children: org?.officeHours ? formatSessions(org.officeHours.sessions) : '—' },
        ]}
      />
    </Card>
  );
}
