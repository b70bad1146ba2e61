import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { RegisterComplaintForm } from '@/features/complaints/components/register-form';

const route = getRouteApi('/console/complaints/new');

/** 登记投诉: at the window, by phone, in writing, from a 差评 or forwarded from 12345. */
export function ComplaintNewPage() {
  // prefilled through the address (差评转投诉 from a 差评 work order): only the fields given
  const search = route.useSearch();
  const initial = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined && v !== ''));
  return (
    <>
      <PageHeader title="登记投诉" description="按《政务服务平台基础数据规范》表10 登记投诉，登记后把投诉编号和查询码告诉投诉人（手机号码会收到短信）。" />
      <RegisterComplaintForm initial={initial} />
    </>
  );
}
