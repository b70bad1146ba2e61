import { Tag } from 'antd';
import { WORK_ORDER_STATUS_NAMES, type WorkOrderStatus } from '@domain/evaluation/work-orders';

const LIGHT = { green: ['success', '绿灯'], yellow: ['warning', '黄灯'], red: ['error', '红灯'] } as const;

/** The light of the step owed now (none once rectified or ended). */
export function WorkOrderLightTag({ light }: { light: 'green' | 'yellow' | 'red' | null }) {
  if (!light) return null;
  const [color, text] = LIGHT[light];
  return (
    <Tag color={color} data-testid={`wo-light-${light}`}>
      {text}
    </Tag>
  );
}

const STATUS_COLOURS: Record<WorkOrderStatus, string> = { visit_pending: 'orange', rectifying: 'blue', awaiting_feedback: 'cyan', closed: 'green', cancelled: 'default' };

export function WorkOrderStatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLOURS[status as WorkOrderStatus] ?? 'default'}>{WORK_ORDER_STATUS_NAMES[status as WorkOrderStatus] ?? status}</Tag>;
}
