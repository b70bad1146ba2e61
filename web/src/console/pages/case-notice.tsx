import { getRouteApi } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { isApiError } from '@/lib/api-client';
import { usePaper } from '@/features/notices/api/get-paper';
import { NoticeDocument } from '@/features/notices/components/notice-document';
import { NoticeToolbar, NoticeWarnings } from '@/features/notices/components/notice-toolbar';
import { NoticeUnavailable } from '@/features/notices/components/notice-unavailable';
import { isNoticeType, NOTICE_LABELS, NOTICE_TYPES } from '@/lib/notices';

const route = getRouteApi('/console/cases/$id/notice/$type');

/**
 * A printable paper of a case on A4: /cases/:id/notice/:type. The server composes it (issuer of rule 10, public
 * address, supervision phone); a paper that does not apply says why instead of printing a wrong document.
 */
export function CaseNoticePage() {
  const { id, type } = route.useParams();
  const known = isNoticeType(type);
  const paper = usePaper(id, known ? type : 'acceptance');

  if (!known) {
    return (
      <>
        <NoticeToolbar caseId={id} current={type} paper={undefined} />
        <NoticeUnavailable message={`没有“${type}”这种通知书。可打印的通知书：${NOTICE_TYPES.map((t) => NOTICE_LABELS[t]).join('、')}。`} />
      </>
    );
  }
  if (paper.isPending) return <PageLoading />;
  if (paper.isError) {
    if (isApiError(paper.error) && paper.error.code === 'PAPER_NOT_APPLICABLE') {
      return (
        <>
          <NoticeToolbar caseId={id} current={type} paper={undefined} />
          <NoticeUnavailable message={paper.error.title} />
        </>
      );
    }
    return <QueryError error={paper.error} onRetry={() => void paper.refetch()} />;
  }
  return (
    <>
      <NoticeToolbar caseId={id} current={type} paper={paper.data} />
      <NoticeWarnings paper={paper.data} />
      <NoticeDocument p={paper.data} />
    </>
  );
}
