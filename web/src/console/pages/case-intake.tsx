import { PageHeader } from '@/components/layout/page-header';
import { IntakeForm } from '@/features/cases/components/intake-form';

export function CaseIntakePage() {
  return (
    <>
      <PageHeader title="受理登记" description="选择事项、核对材料、填写申请人；保存前即可看到办件类型和办理方式" />
      <IntakeForm />
    </>
  );
}
