import { Alert, Space, Typography } from 'antd';
import type { IntakeDecision } from '@domain/cases/intake';
import type { Rejection } from '@domain/cases/rules';
import { intakeKindCode } from '../utils/intake-preview';
import { KindTag } from './case-tags';

/** The kind the case will get and what happens, shown before saving, as the clerk ticks materials. */
export function IntakeDecisionCard({ decision }: { decision: IntakeDecision | Rejection | null }) {
  if (!decision) {
    return <Alert type="info" showIcon title="选择办理事项后，这里显示办件类型和办理方式。" />;
  }
  if (!decision.ok) {
    return <Alert type="error" showIcon title="不能登记" description={decision.message} data-testid="intake-decision" />;
  }
  const type = decision.outcome === 'return' ? 'error' : decision.outcome === 'supplement' ? 'warning' : 'success';
  return (
    <Alert
      type={type}
      showIcon
      data-testid="intake-decision"
      title={
        <Space>
          <Typography.Text strong>将登记为</Typography.Text>
          <KindTag kind={intakeKindCode(decision)} />
        </Space>
      }
      description={decision.message}
    />
  );
}
