import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Result, Row } from 'antd';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { isApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useCase } from '@/features/cases/api/get-case';
import { CaseActions } from '@/features/cases/components/case-actions';
import { ApplicantCard, CaseHeader, CaseMaterials, CaseNotes } from '@/features/cases/components/case-overview';
import { CaseTimeline } from '@/features/cases/components/case-timeline';
import { LiveChangeBanner } from '@/features/cases/components/live-change-banner';
import { NoticeLinks } from '@/features/cases/components/notice-links';
import { CaseQueueTicket } from '@/features/hall-queue/components/case-queue-ticket';
import { PrintRecords } from '@/features/notices/components/print-records';
import { CaseCards } from '@/features/supervision-cards/components/case-cards';
import { CaseRatings } from '@/features/evaluations/components/case-ratings';
import { CasePromisesCard } from '@/features/applications/components/case-promises';
import { CaseArchive } from '@/features/archive/components/case-archive';

const route = getRouteApi('/console/cases/$id');

export function CaseDetailPage() {
  const { id } = route.useParams();
  const me = useMe();
  const router = useRouter();
  const c = useCase(id);

  if (c.isPending) return <PageLoading />;
  // a wrong or outdated link: loading it again finds nothing either, so the way out is the ledger
  if (c.isError && isApiError(c.error) && c.error.status === 404) {
    return (
      <Result
        status="404"
        title="没有找到这个办件"
        subTitle="办件编号或链接可能有误。请到办件台账按编号、申请人姓名查找。"
        extra={
          <Link to="/cases">
            <Button type="primary">返回办件台账</Button>
          </Link>
        }
      />
    );
  }
  if (c.isError) return <QueryError error={c.error} onRetry={() => void c.refetch()} />;

  return (
    <>
      <div className="page-header no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()}>
          返回
        </Button>
      </div>
      <LiveChangeBanner caseId={c.data.id} version={c.data.version} onReload={() => void c.refetch()} />
      <CaseHeader c={c.data} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {can(me.user.roles, 'cases.handle') && (
            <CaseActions c={c.data} onReload={() => void c.refetch()} canReviewRefusal={can(me.user.roles, 'cases.review-refusals')} />
          )}
          <CaseNotes c={c.data} />
          <CaseTimeline c={c.data} />
        </Col>
        <Col xs={24} xl={9}>
          <CaseArchive caseId={c.data.id} caseNo={c.data.caseNo} status={c.data.status} />
          <CaseCards caseId={c.data.id} caseNo={c.data.caseNo} orgId={c.data.holderOrgId} />
          <CaseRatings caseId={c.data.id} caseNo={c.data.caseNo} status={c.data.status} />
          <NoticeLinks c={c.data} />
          <CaseQueueTicket caseId={c.data.id} />
          <PrintRecords caseId={c.data.id} />
          <ApplicantCard c={c.data} />
          <CaseMaterials c={c.data} />
          <CasePromisesCard caseId={c.data.id} />
        </Col>
      </Row>
    </>
  );
}
