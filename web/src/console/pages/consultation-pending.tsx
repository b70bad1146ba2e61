import { Alert } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useConsultations, type Consultation } from '@/features/consultations/api/consultations';
import { AnswerModal } from '@/features/consultations/components/answer-modal';
import { ConsultationsTable } from '@/features/consultations/components/consultations-table';

/** 待答复: online questions from the public (and phone questions logged without an answer), oldest waiting first in view. */
export function ConsultationPendingPage() {
  const [page, setPage] = useState(1);
  const list = useConsultations({ status: 'pending', page, pageSize: 20 });
  const [answering, setAnswering] = useState<Consultation | null>(null);
  return (
    <>
      <PageHeader title="待答复咨询" description="群众在网上提出的咨询，以及登记时暂未答复的电话咨询。答复后以短信告知咨询人，群众也可凭咨询编号和查询码在网上查看。" />
      {list.data && list.data.total > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`待答复 ${list.data.total} 条，请尽快答复`} data-testid="pending-count" />}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ConsultationsTable consultations={list.data?.consultations ?? []} loading={list.isPending} total={list.data?.total} page={page} pageSize={20} onPage={setPage} onAnswer={setAnswering} />
      )}
      <AnswerModal consultation={answering} onClose={() => setAnswering(null)} />
    </>
  );
}
