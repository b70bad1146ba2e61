import { Card } from 'antd';
import { PageHeader } from '@/components/layout/page-header';
import { DayCountForm } from '@/features/petitions/components/day-count-form';

/** 信访时限 (system administrator): petition periods counted in calendar or working days. */
export function PetitionSettingsPage() {
  return (
    <>
      <PageHeader title="信访时限" description="信访事项的受理告知、办理答复等时限按自然日还是工作日计算；修改只影响此后登记的信访事项，已登记的仍按原方式计算。" />
      <Card style={{ maxWidth: 760 }}>
        <DayCountForm />
      </Card>
    </>
  );
}
