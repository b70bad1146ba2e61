import { PageHeader } from '@/components/layout/page-header';
import { PetitionForm } from '@/features/petitions/components/petition-form';

/** 信访登记 (/petitions/new). */
export function PetitionRegistrationPage() {
  return (
    <>
      <PageHeader title="信访登记" description="收到来信来访当时登记。填写身份证号码或电话后自动显示此人以前的来访；5 人及以上为集体访，登记后立即报告带班领导和中心主任。" />
      <PetitionForm />
    </>
  );
}
