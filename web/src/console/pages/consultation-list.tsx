import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { useConsultations, type Consultation, type ConsultationQuery } from '@/features/consultations/api/consultations';
import { AnswerModal } from '@/features/consultations/components/answer-modal';
import { ConsultationFilters } from '@/features/consultations/components/consultation-filters';
import { ConsultationsTable } from '@/features/consultations/components/consultations-table';
import { PromoteModal, type PromoteSource } from '@/features/consultations/components/promote-modal';

const route = getRouteApi('/console/consultations');

/** 咨询记录: every consultation of the center (a supervisor: of the tree), filtered; answer or promote from here. */
export function ConsultationListPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: ConsultationQuery = { ...search, pageSize: search.pageSize ?? 20 };
  const list = useConsultations(query);
  const [answering, setAnswering] = useState<Consultation | null>(null);
  const [promote, setPromote] = useState<PromoteSource | null>(null);
  const setQuery = (q: ConsultationQuery) => void navigate({ to: '/consultations', search: { ...q, pageSize: undefined } });
  return (
    <>
      <PageHeader title="咨询记录" description="窗口、电话和网上咨询的问题、答复、答复人和涉及事项。" />
      <ConsultationFilters value={query} onChange={setQuery} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ConsultationsTable
          consultations={list.data?.consultations ?? []}
          loading={list.isPending}
          total={list.data?.total}
          page={query.page ?? 1}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => void navigate({ to: '/consultations', search: { ...search, page, pageSize } })}
          onAnswer={setAnswering}
          onPromote={(c) => setPromote({ itemCode: c.itemCode!, itemName: c.itemName ?? '', question: c.question, answer: c.answer, consultationId: c.id })}
          showCenter={me.user.roles.includes('supervisor')}
        />
      )}
      <AnswerModal consultation={answering} onClose={() => setAnswering(null)} />
      <PromoteModal source={promote} onClose={() => setPromote(null)} />
    </>
  );
}
