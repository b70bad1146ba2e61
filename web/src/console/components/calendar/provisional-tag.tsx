import { Tag, Tooltip } from 'antd';

/** Why a date is 暂定: one wording wherever the console shows one (DOMAIN.md rule 3). */
export const PROVISIONAL_REASON = '该年度国务院节假日安排尚未公布，期限按法定节假日暂定计算（不含调休）';

/** What happens to a case's date when the year is imported; a date only worked out (计算器、今日) is not recorded anywhere. */
const CASE_OUTCOME = '导入正式安排后自动重新计算并记入办理记录。';
export const WORKED_OUT_OUTCOME = '国务院公布安排后以正式安排为准，如有调休，办结日期可能变化。';

/**
 * 暂定 next to a date counted through a year whose State Council holiday arrangement is not imported yet
 * (DOMAIN.md rule 3). The date is counted on weekends and the law's holidays; importing the year recounts it.
 */
export function ProvisionalTag({ show, outcome = CASE_OUTCOME, testId = 'due-provisional' }: { show: boolean | undefined; outcome?: string; testId?: string }) {
  if (!show) return null;
  return (
    <Tooltip title={`${PROVISIONAL_REASON}；${outcome}`}>
      <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid={testId}>
        暂定
      </Tag>
    </Tooltip>
  );
}
