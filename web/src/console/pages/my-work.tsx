import { FormOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { WorkLists } from '@/features/cases/components/work-lists';
import { ClerkDashboard } from '@/features/dashboard/components/clerk-dashboard';
import { can } from '@/lib/authorization';

export function MyWorkPage() {
  const me = useMe();
  const director = me.user.roles.includes('director');
  return (
    <>
      <PageHeader
        title="我的工作"
        description={
          director
            ? '督办本中心的在办件和到期件（红灯、黄灯优先），审批延期、审查否定报备，跟踪窗口对异议的答复'
            : '您窗口的在办件（含顶岗办理），本中心今日到期、待补正、待接收的办件，以及要答复的主任异议'
        }
        extra={
          <Space>
            <Link to="/cases">
              <Button icon={<UnorderedListOutlined />}>办件台账</Button>
            </Link>
            <Link to="/cases/new">
              <Button type="primary" icon={<FormOutlined />}>
                受理登记
              </Button>
            </Link>
          </Space>
        }
      />
      {/* a clerk's own red, yellow and due-today cases before the full work list (issue 9 §4) */}
      {can(me.user.roles, 'dashboard.mine') && <ClerkDashboard />}
      <WorkLists director={director} />
    </>
  );
}
