import { Tag } from 'antd';
import { CARD_LEVEL_NAMES, CARD_STATUS_NAMES, type CardLevel, type CardStatus } from '@domain/supervision/cards';

/** The colours of the ladder (蓝色提醒 → 橙色预警 → 红色问责), in words too: colour is never the only signal. */
const LEVEL_COLOURS: Record<CardLevel, string> = { blue: 'blue', orange: 'orange', red: 'red' };

export const CardLevelTag = ({ level }: { level: CardLevel }) => (
  <Tag color={LEVEL_COLOURS[level]} data-testid="card-level">
    {CARD_LEVEL_NAMES[level]}
  </Tag>
);

const STATUS_COLOURS: Record<CardStatus, string> = { issued: 'processing', returned: 'warning', replied: 'cyan', closed: 'default' };

export const CardStatusTag = ({ status }: { status: CardStatus }) => (
  <Tag color={STATUS_COLOURS[status]} data-testid="card-status">
    {CARD_STATUS_NAMES[status]}
  </Tag>
);

const LIGHT_TEXT = { green: '未到期', yellow: '今天到期', red: '逾期未回告' } as const;
const LIGHT_COLOURS = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** 督办灯: while the card waits for an answer. */
export const CardLightTag = ({ light }: { light: 'green' | 'yellow' | 'red' | null }) =>
  light ? (
    <Tag color={LIGHT_COLOURS[light]} data-testid="card-light">
      {LIGHT_TEXT[light]}
    </Tag>
  ) : null;
