import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useApplication } from '@/features/applications/api/applications';
import { ApplicationRefusalReview } from '@/features/applications/components/application-refusal-review';
import { ApplicationReview } from '@/features/applications/components/application-review';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';

const route = getRouteApi('/console/applications/$id');

/** One online application: its materials with a preview, its steps, and the pre-review's outcomes. */
export function ApplicationDetailPage() {
  const { id } = route.useParams();
  const router = useRouter();
  const me = useMe();
  const application = useApplication(id);
  if (application.isPending) return <PageLoading />;
  if (application.isError) return <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  return (
    <>
      <div className="page-header no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()}>
            返回
          </Button>
          <Link to="/applications">
            <Button type="link">网上申请预审</Button>
          </Link>
        </Space>
      </div>
      <ApplicationReview application={application.data} />
      <ApplicationRefusalReview application={application.data} canReview={can(me.user.roles, 'cases.review-refusals')} meId={me.user.id} />
    </>
  );
}
