import { Card } from 'antd';
import { PageHeader } from '@/components/layout/page-header';
import { WorkOrderDaysForm } from '@/features/evaluation-work-orders/components/work-order-days-form';
import { RatingSettingsForm } from '@/features/evaluations/components/rating-settings-form';

/** 好差评时限 (system administrator): the invitation and default-rating days, and the 差评整改 working days. */
export function RatingSettingsPage() {
  return (
    <>
      <PageHeader title="好差评时限" description="办结后的评价邀请和默认评价，差评的回访核实和整改时限；修改只影响此后的办件和此后产生的整改工单。" />
      <Card title="评价邀请和默认评价" style={{ maxWidth: 760, marginBottom: 16 }}>
        <RatingSettingsForm editable />
      </Card>
      <Card title="差评整改时限" style={{ maxWidth: 760 }}>
        <WorkOrderDaysForm />
      </Card>
    </>
  );
}
