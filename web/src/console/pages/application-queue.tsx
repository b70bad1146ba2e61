import { Segmented } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { APPLICATION_STATUSES, APPLICATION_STATUS_NAMES, type ApplicationStatus } from '@domain/applications/application';
import { useApplications } from '@/features/applications/api/applications';
import { ApplicationsTable } from '@/features/applications/components/applications-table';

const route = getRouteApi('/console/applications');

/** 否定报备 of returned applications: what the director has to review, and the objections the window has to answer. */
type View = 'refusals-to-review' | 'objections';
const VIEWS: { value: View; label: string }[] = [
  { value: 'refusals-to-review', label: '否定报备待审查' },
  { value: 'objections', label: '主任异议待答复' },
];
const isView = (v: string): v is View => VIEWS.some((x) => x.value === v);

/** 网上申请预审: the center's online applications, those waiting for pre-review first (earliest due on top). */
export function ApplicationQueuePage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const view = search.view;
  const status = view ? undefined : (search.status ?? 'pre_review');
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? 20;
  const list = useApplications({ status, view, page, pageSize });
  return (
    <>
      <PageHeader title="网上申请预审" description="群众在网上办事大厅提交的申请，须在 1 个工作日内预审：通过并受理、一次性告知补正，或写明理由和依据退回。" />
      <Segmented<ApplicationStatus | View>
        style={{ marginBottom: 16 }}
        value={view ?? status}
        options={[...APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_NAMES[s] })), ...VIEWS]}
        onChange={(s) => void navigate({ to: '/applications', search: isView(s) ? { view: s } : { status: s } })}
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ApplicationsTable
          applications={list.data?.applications ?? []}
          loading={list.isPending}
          total={list.data?.total}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => void navigate({ to: '/applications', search: { status, view, page: p, pageSize: size } })}
        />
      )}
    </>
  );
}
