import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { exportUrl, useEvaluations, type EvaluationQuery } from '@/features/evaluations/api/evaluations';
import { EvaluationFilters } from '@/features/evaluations/components/evaluation-filters';
import { EvaluationsTable } from '@/features/evaluations/components/evaluations-table';
import { PaperRatingModal } from '@/features/evaluations/components/paper-rating-modal';
import { RatingSettingsForm } from '@/features/evaluations/components/rating-settings-form';

const route = getRouteApi('/console/evaluations');

/** 评价记录: the ratings of the center (director, leader, supervisor: and below), filtered; paper forms keyed in here. */
export function EvaluationsPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: EvaluationQuery = { ...search, pageSize: search.pageSize ?? 20 };
  const list = useEvaluations(query);
  const [paper, setPaper] = useState(false);
  const roles = me.user.roles;
  return (
    <>
      <PageHeader
        title="评价记录"
        description="好差评：窗口评价器、二维码、进度查询页、短信和代录纸质评价表的每一条评价；默认评价单独标记。"
        extra={
          <Space>
            {can(roles, 'evaluations.enter') && <Button onClick={() => setPaper(true)}>代录纸质评价表</Button>}
            {can(roles, 'evaluations.export') && <Button href={exportUrl(query)}>导出 Excel（表9）</Button>}
          </Space>
        }
      />
      <EvaluationFilters value={query} onChange={(q) => void navigate({ to: '/evaluations', search: { ...q, pageSize: undefined } })} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <EvaluationsTable
          evaluations={list.data?.evaluations ?? []}
          loading={list.isPending}
          total={list.data?.total}
          page={query.page ?? 1}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => void navigate({ to: '/evaluations', search: { ...search, page, pageSize } })}
          showCenter={roles.includes('supervisor') || roles.includes('leader')}
        />
      )}
      <Card size="small" title="评价邀请和默认评价" style={{ marginTop: 16 }}>
        <RatingSettingsForm editable={can(roles, 'settings.manage')} />
      </Card>
      <PaperRatingModal open={paper} onClose={() => setPaper(false)} />
    </>
  );
}
