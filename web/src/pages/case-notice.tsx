import { getRouteApi } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useLevelNames, useMe } from '@/lib/auth';
import { useNoticeCase } from '@/features/notices/api/get-case';
import { useCenters } from '@/features/notices/api/get-centers';
import { useItemFacts } from '@/features/notices/api/get-item-facts';
import { NoticeDocument } from '@/features/notices/components/notice-document';
import { NoticeToolbar } from '@/features/notices/components/notice-toolbar';
import { NoticeUnavailable } from '@/features/notices/components/notice-unavailable';
import { isNoticeType, NOTICE_TYPES, notApplicable } from '@/lib/notices';

const route = getRouteApi('/console/cases/$id/notice/$type');

/** A printable notice of a case (通知书) on A4: /cases/:id/notice/:type. */
export function CaseNoticePage() {
  const { id, type } = route.useParams();
  const me = useMe();
  const levelNames = useLevelNames();
  const c = useNoticeCase(id);
  const centers = useCenters();
  const item = useItemFacts(c.data?.itemCode);

  if (c.isPending || centers.isPending) return <PageLoading />;
  if (c.isError) return <QueryError error={c.error} onRetry={() => void c.refetch()} />;

  const problem = !isNoticeType(type)
    ? `没有“${type}”这种通知书。可打印的通知书：${NOTICE_TYPES.join('、')}。`
    : notApplicable(type, c.data);
  // The receiving center issues the notice; the signed-in person's own center if it is not in the list.
  const center = centers.data?.find((o) => o.id === c.data.receivingOrgId) ?? (me.user.orgId === c.data.receivingOrgId && me.user.org ? { id: me.user.orgId, ...me.user.org } : undefined);

  return (
    <>
      <NoticeToolbar c={c.data} caseId={id} current={type} printable={!problem} />
      {problem || !isNoticeType(type) ? (
        <NoticeUnavailable message={problem ?? ''} />
      ) : (
        <NoticeDocument type={type} c={c.data} center={center} item={item.data} countyName={levelNames.county} />
      )}
    </>
  );
}
