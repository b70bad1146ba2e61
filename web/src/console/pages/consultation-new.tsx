import { Card } from 'antd';
import { PageHeader } from '@/components/layout/page-header';
import { useConsultations } from '@/features/consultations/api/consultations';
import { ConsultationsTable } from '@/features/consultations/components/consultations-table';
import { LogForm } from '@/features/consultations/components/log-form';

/** 咨询登记: the quick form, and the center's latest consultations below it. */
export function ConsultationNewPage() {
  const latest = useConsultations({ pageSize: 10 });
  return (
    <>
      <PageHeader title="咨询登记" description="登记群众在窗口或电话中的咨询：问了什么、怎么答复的、涉及哪个事项。问得多的问题可选入事项的常见问题。" />
      <LogForm />
      <Card title="本中心最近的咨询" size="small" style={{ marginTop: 16 }}>
        <ConsultationsTable consultations={latest.data?.consultations ?? []} loading={latest.isPending} />
      </Card>
    </>
  );
}
