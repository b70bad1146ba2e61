import { Tag } from 'antd';
import type { PetitionLight, PetitionStatus } from '@domain/petitions/petitions';
import { PETITION_STATUS_NAMES } from '@domain/petitions/petitions';

const LIGHT: Record<PetitionLight, { color: string; text: string }> = {
  green: { color: 'green', text: '绿灯' },
  yellow: { color: 'gold', text: '黄灯' },
  red: { color: 'red', text: '红灯' },
};

/** The light in colour AND words (a colour-blind clerk, a black-and-white printer). */
export function PetitionLightTag({ light }: { light: PetitionLight | null }) {
  if (!light) return null;
  return (
    <Tag color={LIGHT[light].color} data-testid={`light-${light}`}>
      {LIGHT[light].text}
    </Tag>
  );
}

const STATUS_COLOR: Partial<Record<PetitionStatus, string>> = {
  registered: 'blue',
  accepted: 'processing',
  handed_over: 'purple',
  dept_replied: 'cyan',
  answered: 'green',
  solved: 'green',
  rejected: 'default',
  review: 'orange',
  recheck: 'orange',
  rechecked: 'default',
};

export const PetitionStatusTag = ({ status }: { status: PetitionStatus }) => <Tag color={STATUS_COLOR[status] ?? 'default'}>{PETITION_STATUS_NAMES[status]}</Tag>;

export const GroupTag = ({ persons }: { persons: number }) => (
  <Tag color="red" data-testid="group-tag">
    集体访 {persons} 人
  </Tag>
);
