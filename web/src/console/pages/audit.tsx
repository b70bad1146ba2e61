import { Card } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useAudit } from '@/features/audit/api/get-audit';
import { AuditExport } from '@/features/audit/components/audit-export';
import { AuditFilters } from '@/features/audit/components/audit-filters';
import { AuditTable } from '@/features/audit/components/audit-table';
import { AuditVerify } from '@/features/audit/components/audit-verify';

const route = getRouteApi('/console/audit');

/** 审计管理员: who did what and when, newest first; filters live in the address, so a finding can be shared. */
export function AuditPage() {
  const query = route.useSearch();
  const navigate = route.useNavigate();
  const audit = useAudit(query);
  const entries = audit.data?.entries ?? [];
  const person = query.userId ? entries.find((e) => e.userId === query.userId) : undefined;

  return (
    <>
      <PageHeader title="审计日志" description="登录、登录失败、越权被拒、导出、查看完整个人信息和账号变更的记录；每条记录与前一条以哈希相连，不可悄悄改动。可按筛选条件导出 Excel，导出本身也记入日志" />
      <Card style={{ marginBottom: 16 }}>
        <AuditVerify />
      </Card>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: 16 }}>
          <AuditFilters
            query={query}
            userLabel={person ? `${person.userName ?? ''}（${person.username ?? ''}）` : undefined}
            onChange={(next) => void navigate({ search: next, replace: true })}
          />
          <AuditExport query={query} total={audit.data?.total} />
        </div>
        {audit.isError ? (
          <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <AuditTable
            entries={entries}
            total={audit.data?.total ?? 0}
            page={query.page ?? 1}
            loading={audit.isFetching}
            onPage={(page) => void navigate({ search: { ...query, page } })}
            onUser={(userId) => void navigate({ search: { ...query, userId, page: undefined } })}
          />
        )}
      </Card>
    </>
  );
}
