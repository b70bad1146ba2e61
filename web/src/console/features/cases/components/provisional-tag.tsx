import { Tag, Tooltip } from 'antd';

/**
 * 暂定 next to a due date counted through a year whose State Council holiday arrangement is not imported yet
 * (DOMAIN.md rule 3). The date is counted on weekends and the law's holidays; importing the year recounts it.
 */
export function ProvisionalTag({ show }: { show: boolean | undefined }) {
  if (!show) return null;
  return (
    <Tooltip title="该年度国务院节假日安排尚未公布，期限按法定节假日暂定计算（不含调休）；导入正式安排后自动重新计算并记入办理记录。">
      <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="due-provisional">
        暂定
      </Tag>
    </Tooltip>
  );
}
