import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useComplaint } from '@/features/complaints/api/complaints';
import { ComplaintActions } from '@/features/complaints/components/complaint-actions';
import { ComplaintOverview } from '@/features/complaints/components/complaint-overview';
import { ComplaintTimeline } from '@/features/complaints/components/complaint-timeline';

const route = getRouteApi('/console/complaints/$id');

/** One complaint: its fields, the steps and what may be done now, its timeline. */
export function ComplaintDetailPage() {
  const { id } = route.useParams();
  const router = useRouter();
  const complaint = useComplaint(id);
  if (complaint.isPending) return <PageLoading />;
  if (complaint.isError) return <QueryError error={complaint.error} onRetry={() => void complaint.refetch()} />;
  return (
    <>
      <div className="page-header no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()}>
            返回
          </Button>
          <Link to="/complaints">
            <Button type="link">投诉台账</Button>
          </Link>
        </Space>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <ComplaintActions complaint={complaint.data} onReload={() => void complaint.refetch()} />
          <ComplaintOverview complaint={complaint.data} />
        </Col>
        <Col xs={24} xl={9}>
          <ComplaintTimeline complaint={complaint.data} />
        </Col>
      </Row>
    </>
  );
}
