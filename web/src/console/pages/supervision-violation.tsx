import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Row } from 'antd';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useViolation } from '@/features/supervision/api/violations';
import { ViolationActions, ViolationFacts, ViolationTimelines } from '@/features/supervision/components/violation-detail';
import { ViolationCards } from '@/features/supervision-cards/components/case-cards';

const route = getRouteApi('/console/supervision/violations/$id');

/** One violation: the facts that fired it, the center's explanation, the supervisor's decision, and the case's steps. */
export function SupervisionViolationPage() {
  const { id } = route.useParams();
  const router = useRouter();
  const v = useViolation(id);
  if (v.isPending) return <PageLoading />;
  if (v.isError) return <QueryError error={v.error} onRetry={() => void v.refetch()} />;
  return (
    <>
      <PageHeader
        title={`监察记录 · ${v.data.caseNo}`}
        description={`${v.data.ruleNumber} ${v.data.ruleName}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()}>
            返回
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <ViolationFacts v={v.data} />
          <ViolationActions v={v.data} />
          <ViolationCards violationId={v.data.id} orgId={v.data.orgId} about={`${v.data.ruleNumber} ${v.data.ruleName}（办件 ${v.data.caseNo}）`} />
        </Col>
        <Col xs={24} lg={10}>
          <ViolationTimelines v={v.data} />
        </Col>
      </Row>
    </>
  );
}
