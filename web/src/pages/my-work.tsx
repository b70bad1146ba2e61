import { FormOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { WorkLists } from '@/features/cases/components/work-lists';

export function MyWorkPage() {
  const me = useMe();
  const director = me.user.roles.includes('director');
  return (
    <>
      <PageHeader
        title="我的工作"
        description={director ? '本中心的在办件、到期件、待补正件、待接收件，以及待审批的延期和否定报备' : '本中心的在办件、今日到期件、待补正件和待接收件'}
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
      <WorkLists director={director} />
    </>
  );
}
