import { Card, Empty, List, Segmented, Space, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useAppeals } from '@/features/evaluation-work-orders/api/work-orders';
import { AppealDecision, AppealFacts } from '@/features/evaluation-work-orders/components/appeal-card';
import { APPEAL_STATUSES, APPEAL_STATUS_NAMES } from '@domain/evaluation/appeals';

const route = getRouteApi('/console/evaluations/appeals');

/** 差评申诉: the appeals of the tree; a supervisor decides the pending ones here. */
export function RatingAppealsPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const appeals = useAppeals({ status: search.status, page: search.page, pageSize: 20 });
  return (
    <>
      <PageHeader title="差评申诉" description="中心主任对错评、恶评提出的申诉，由纪检监察员复核；申诉成立的评价不计入统计和排名，评价记录保留备查。" />
      <Space style={{ marginBottom: 16 }}>
        <Segmented
          value={search.status ?? ''}
          onChange={(v) => void navigate({ to: '/evaluations/appeals', search: { status: (v || undefined) as (typeof APPEAL_STATUSES)[number] | undefined } })}
          options={[{ value: '', label: '全部' }, ...APPEAL_STATUSES.map((s) => ({ value: s, label: APPEAL_STATUS_NAMES[s] }))]}
        />
      </Space>
      {appeals.isError ? (
        <QueryError error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : (
        <List
          loading={appeals.isPending}
          data-testid="appeals-list"
          dataSource={appeals.data?.appeals ?? []}
          locale={{ emptyText: <Empty description="没有申诉" /> }}
          pagination={appeals.data && appeals.data.total > 20 ? { current: search.page ?? 1, pageSize: 20, total: appeals.data.total, onChange: (page) => void navigate({ to: '/evaluations/appeals', search: { ...search, page } }) } : false}
          renderItem={(a) => (
            <Card
              key={a.id}
              size="small"
              style={{ marginBottom: 12 }}
              title={
                <Space>
                  <span>办件 {a.caseNo}</span>
                  <Typography.Text type="secondary">{a.orgName}</Typography.Text>
                  {a.rating && <Typography.Text type="danger">{a.rating.levelName}</Typography.Text>}
                </Space>
              }
            >
              {a.rating?.comment && <Typography.Paragraph type="secondary">评价内容：“{a.rating.comment}”</Typography.Paragraph>}
              <AppealFacts appeal={a} />
              <AppealDecision appeal={a} onReload={() => void appeals.refetch()} />
            </Card>
          )}
        />
      )}
    </>
  );
}
