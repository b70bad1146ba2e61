import { Tag } from 'antd';
import type { CaseStatus, Light, SixKind } from '../api/case-schema';
import { SIX_KIND_NAMES } from '@domain/vocabulary/kinds';
import { LIGHT_NAMES } from '@domain/vocabulary/lights';
import { STATUS_NAMES } from '@domain/vocabulary/statuses';

export const SIX_KIND_COLORS: Record<SixKind, string> = {
  immediate: 'green',
  promised: 'blue',
  supplement: 'gold',
  returned: 'red',
  joint: 'purple',
  escalated: 'cyan',
};

const STATUS_COLORS: Record<CaseStatus, string> = {
  submitted: 'default',
  awaiting_supplement: 'gold',
  in_progress: 'processing',
  paused: 'orange',
  completed: 'success',
  returned: 'error',
  withdrawn: 'default',
  delivered: 'success',
};

const LIGHT_COLORS: Record<Light, string> = { green: '#389e0d', yellow: '#faad14', red: '#cf1322' };

/** 即办件/承诺件/补办件/退回件/联办件/上报件 */
export function KindTag({ kind }: { kind: SixKind }) {
  return <Tag color={SIX_KIND_COLORS[kind]}>{SIX_KIND_NAMES[kind]}</Tag>;
}

export function StatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUS_NAMES[status]}</Tag>;
}

/** The supervision light as a coloured dot with its Chinese name; closed cases have none. */
export function LightDot({ light, showText = true }: { light: Light | null | undefined; showText?: boolean }) {
  if (!light) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} title={LIGHT_NAMES[light]}>
      <span
        aria-hidden
        style={{ width: 10, height: 10, borderRadius: '50%', background: LIGHT_COLORS[light], display: 'inline-block', boxShadow: `0 0 0 2px ${LIGHT_COLORS[light]}33` }}
      />
      {showText && <span style={{ color: LIGHT_COLORS[light] }}>{LIGHT_NAMES[light]}</span>}
    </span>
  );
}
