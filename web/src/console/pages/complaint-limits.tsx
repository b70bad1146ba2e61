import { PageHeader } from '@/components/layout/page-header';
import { ComplaintLimitsForm } from '@/features/complaints/components/limits-form';

/** 投诉时限设置 (system administrator). */
export function ComplaintLimitsPage() {
  return (
    <>
      <PageHeader title="投诉时限" description="简单投诉、复杂投诉的答复时限和延期上限，按工作日从收到投诉的次日起算；修改只影响此后登记（或受理时改类别）的投诉。" />
      <ComplaintLimitsForm />
    </>
  );
}
