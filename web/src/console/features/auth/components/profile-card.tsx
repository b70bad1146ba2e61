import { Avatar, Card, Descriptions, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { centerNow, formatSessions } from '@/lib/format';
import { centerTitle, levelLabel } from '@/lib/levels';
import { roleName } from '@/lib/roles';
import { useMe } from '@/lib/auth';

const greeting = (): string => {
  const hour = centerNow().hour();
  if (hour < 6) return '您好';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
};

/**
 * What each role does, in one line under the name: a supervisor watches the centers rather than working in one,
 * a director runs a center rather than a window.
 */
const ROLE_DUTIES: Record<string, string> = {
  director: '中心主任：管理本中心窗口和人员在岗，审批延期，审查否定报备',
  leader: '带班领导：值班带班，接待信访，掌握本中心办件情况',
  clerk: '窗口工作人员：受理登记，办理本窗口的办件',
  agent: '村级代办员：为村民代办、帮办，转报乡镇，回复办理结果',
  supervisor: '纪检监察员：监督本地区各级便民服务中心的办件时限、退回和不予批准（只查看，不办理）',
  sysadmin: '系统管理员：维护机构、事项目录、工作日历和系统设置',
  secadmin: '安全管理员：管理人员账号和权限',
  auditor: '审计管理员：查阅审计日志',
};

/** Who is signed in and the center they work at. */
export function ProfileCard() {
  const { user, levelNames } = useMe();
  const org = user.org;
  // a supervisor or an administrator belongs to the county (its 纪检监察 or IT office), not to its service center
  const inCenter = user.roles.some((r) => ['director', 'leader', 'clerk', 'agent'].includes(r));
  const center = org && inCenter ? centerTitle(org) : (user.orgName ?? org?.name ?? '');
  const duties = user.roles.map((r) => ROLE_DUTIES[r]).filter(Boolean);
  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 20 }}>
        <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1a5fb4', flex: 'none' }} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {user.name}，{greeting()}！
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="profile-org">
            {center}
            {user.roles.map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineStart: 8 }}>
                {roleName(r)}
              </Tag>
            ))}
          </Typography.Text>
          {duties.length > 0 && (
            <div>
              <Typography.Text type="secondary" data-testid="role-duty">
                {duties.join('；')}
              </Typography.Text>
            </div>
          )}
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
