import { PageHeader } from '@/components/layout/page-header';
import { RegisterComplaintForm } from '@/features/complaints/components/register-form';

/** 登记投诉: at the window, by phone, in writing, from a 差评 or forwarded from 12345. */
export function ComplaintNewPage() {
  return (
    <>
      <PageHeader title="登记投诉" description="按《政务服务平台基础数据规范》表10 登记投诉，登记后把投诉编号和查询码告诉投诉人（手机号码会收到短信）。" />
      <RegisterComplaintForm />
    </>
  );
}
