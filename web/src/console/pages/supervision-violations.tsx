import { Button, Card } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useCenterName, useViolations } from '@/features/supervision/api/violations';
import { ViolationFilters } from '@/features/supervision/components/violation-filters';
import { ViolationsTable } from '@/features/supervision/components/violations-table';

const route = getRouteApi('/console/supervision/violations');

/** 监察记录: every rule that fired in the viewer's tree, the facts in Chinese, and where each stands. */
export function SupervisionViolationsPage() {
  const query = route.useSearch();
  const navigate = route.useNavigate();
  const violations = useViolations(query);
  const list = violations.data?.violations ?? [];
  const center = useCenterName(query.orgId);
  const centerName = query.orgId ? (center.data ?? list.find((v) => v.orgId === query.orgId)?.orgName ?? undefined) : undefined;
  return (
    <>
      <PageHeader
        title="监察记录"
        description="系统按监察规则自动记录的超期、超时和不规范办理，每条写明规则编号和触发的事实；被监察的中心说明情况，纪检监察员认定或撤销"
        extra={
          <Link to="/supervision/rules">
            <Button>查看监察规则</Button>
          </Link>
        }
      />
      <Card>
        <ViolationFilters query={query} centerName={centerName} onChange={(next) => void navigate({ search: next, replace: true })} />
        {violations.isError ? (
          <QueryError error={violations.error} onRetry={() => void violations.refetch()} />
        ) : (
          <ViolationsTable
            violations={list}
            total={violations.data?.total ?? 0}
            page={query.page ?? 1}
            loading={violations.isFetching && !violations.data}
            onPage={(page) => void navigate({ search: { ...query, page } })}
            onCenter={(orgId) => void navigate({ search: { ...query, orgId, below: undefined, page: undefined } })}
          />
        )}
      </Card>
    </>
  );
}
