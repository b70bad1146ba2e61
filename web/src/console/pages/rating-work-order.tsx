import { ArrowLeftOutlined, FileExclamationOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useWorkOrder } from '@/features/evaluation-work-orders/api/work-orders';
import { AppealCard } from '@/features/evaluation-work-orders/components/appeal-card';
import { WorkOrderHistory, WorkOrderOverview } from '@/features/evaluation-work-orders/components/work-order-overview';
import { WorkOrderSteps } from '@/features/evaluation-work-orders/components/work-order-steps';

const route = getRouteApi('/console/evaluations/work-orders/$id');

/** One 差评 work order: its facts and deadlines, what the person may do now, the appeal, the whole history. */
export function RatingWorkOrderPage() {
  const { id } = route.useParams();
  const router = useRouter();
  const me = useMe();
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
          {can(me.user.roles, 'complaints.handle') && wo.data.rating && (
            // 差评转投诉: the registration form, prefilled through its address (source, case number, what the rater wrote, whom it is about)
            <Link
              to="/complaints/new"
              search={{
                source: 'bad_rating',
                caseNo: wo.data.caseNo,
                title: `差评：${wo.data.itemName}`.slice(0, 100),
                content: wo.data.rating.comment?.slice(0, 1000) || `群众对${wo.data.itemName}（办件 ${wo.data.caseNo}）作出“${wo.data.levelName}”评价。`,
                respondentUnit: wo.data.orgName,
                respondentPerson: wo.data.personName ?? undefined,
              }}
            >
              <Button icon={<FileExclamationOutlined />} data-testid="wo-to-complaint">
                转为投诉
              </Button>
            </Link>
          )}
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
