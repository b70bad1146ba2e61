import { Tabs } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useDossiers, type DossierQuery } from '@/features/archive/api/archive';
import { DossierFilters } from '@/features/archive/components/dossier-filters';
import { DossiersTable } from '@/features/archive/components/dossiers-table';
import { RetentionTableView } from '@/features/archive/components/retention-table';
import { centerNow } from '@/lib/format';

const route = getRouteApi('/console/archive');

/**
 * 档案管理 (/archive): the dossiers (案卷) of finished cases, found by 年度, 保管期限 or 档号/办件编号/申请人, and the
 * 保管期限表 the director keeps.
 */
export function ArchivePage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const tab = search.tab ?? 'dossiers';
  const query: DossierQuery = { year: search.year, period: search.period, q: search.q, page: search.page ?? 1, pageSize: search.pageSize ?? 20 };
  const dossiers = useDossiers(query, tab === 'dossiers');
  const setQuery = (q: DossierQuery) => void navigate({ search: { ...search, ...q } });

  return (
    <>
      <PageHeader title="档案管理" description="办结办件的电子案卷：按年度、保管期限查找，查看卷内目录，完整性检测，打印归档登记表。" />
      <Tabs
        activeKey={tab}
        onChange={(t) => void navigate({ search: { tab: t === 'retention' ? 'retention' : undefined } })}
        items={[
          {
            key: 'dossiers',
            label: '案卷',
            children: (
              <>
                <DossierFilters value={query} onChange={setQuery} thisYear={centerNow().year()} />
                {dossiers.isError ? (
                  <QueryError error={dossiers.error} onRetry={() => void dossiers.refetch()} />
                ) : (
                  <DossiersTable
                    dossiers={dossiers.data?.dossiers ?? []}
                    loading={dossiers.isPending}
                    total={dossiers.data?.total}
                    page={query.page ?? 1}
                    pageSize={query.pageSize ?? 20}
                    onPage={(page, pageSize) => setQuery({ page, pageSize })}
                    filtered={query.year !== undefined || query.period !== undefined || !!query.q}
                  />
                )}
              </>
            ),
          },
          { key: 'retention', label: '保管期限表', children: <RetentionTableView editable={can(me.user.roles, 'archive.retention')} /> },
        ]}
      />
    </>
  );
}
