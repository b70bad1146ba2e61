import { Tag } from 'antd';
import type { Severity } from '@domain/supervision/rules';
import { VIOLATION_STATUS_NAMES, type ViolationStatus } from '@domain/supervision/violations';

const STATUS_COLORS: Record<ViolationStatus, string> = { open: 'red', explained: 'gold', confirmed: 'volcano', dismissed: 'default' };

/** 待说明 / 已说明 / 已认定 / 已撤销, in a colour that is never the only signal (the word is there). */
export const ViolationStatusTag = ({ status }: { status: ViolationStatus }) => (
  <Tag color={STATUS_COLORS[status]} data-testid="violation-status">
    {VIOLATION_STATUS_NAMES[status]}
  </Tag>
);

export const SeverityTag = ({ severity, name }: { severity: Severity; name: string }) => <Tag color={severity === 'violation' ? 'red' : 'orange'}>{name}</Tag>;
