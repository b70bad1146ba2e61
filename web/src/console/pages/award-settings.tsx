import { Card } from 'antd';
import { PageHeader } from '@/components/layout/page-header';
import { AwardSettingsForm } from '@/features/awards/components/award-settings-form';

/** 评先评优设置 (system administrator): the numbers of the awards; the lists are computed with them when asked. */
export function AwardSettingsPage() {
  return (
    <>
      <PageHeader title="评先评优设置" description="流动红旗、优质服务标兵的名次和次数，年终考核三个档次的比例，以及服务年限和全年扣分的限制。修改后名单按新设置重新计算。" />
      <Card>
        <AwardSettingsForm />
      </Card>
    </>
  );
}
