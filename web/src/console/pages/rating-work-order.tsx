import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useWorkOrder } from '@/features/evaluation-work-orders/api/work-orders';
import { AppealCard } from '@/features/evaluation-work-orders/components/appeal-card';
import { WorkOrderHistory, WorkOrderOverview } from '@/features/evaluation-work-orders/components/work-order-overview';
import { WorkOrderSteps } from '@/features/evaluation-work-orders/components/work-order-steps';

const route = getRouteApi('/console/evaluations/work-orders/$id');

/** One 差评 work order: its facts and deadlines, what the person may do now, the appeal, the whole history. */
export function RatingWorkOrderPage() {
  const { id } = route.useParams();
  const router = useRouter();
  const wo = useWorkOrder(id);
  if (wo.isPending) return <PageLoading />;
  if (wo.isError) return <QueryError error={wo.error} onRetry={() => void wo.refetch()} />;
  const reload = () => void wo.refetch();
  return (
    <>
      <div className="page-header">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()}>
            返回
          </Button>
          <Link to="/evaluations/work-orders">
            <Button type="link">全部整改工单</Button>
          </Link>
        </Space>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <WorkOrderOverview wo={wo.data} />
          <WorkOrderSteps wo={wo.data} onReload={reload} />
          <AppealCard ratingId={wo.data.ratingId} appeal={wo.data.appeal} onReload={reload} />
        </Col>
        <Col xs={24} xl={9}>
          <WorkOrderHistory wo={wo.data} />
        </Col>
      </Row>
    </>
  );
}
