import { Tag } from 'antd';
import { LIGHT_NAMES } from '@domain/vocabulary/lights';
import { COMPLAINT_STATUS_NAMES, type ComplaintStatus } from '@domain/complaints/complaints';

const COLOURS: Record<ComplaintStatus, string> = {
  registered: 'gold',
  accepted: 'blue',
  investigated: 'geekblue',
  handled: 'purple',
  answered: 'cyan',
  visited: 'green',
  archived: 'default',
  merged: 'default',
};

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  return <Tag color={COLOURS[status]}>{COMPLAINT_STATUS_NAMES[status]}</Tag>;
}

export function UpheldTag({ upheld }: { upheld: boolean | null }) {
  if (upheld === null) return null;
  return upheld ? <Tag color="red">属实 · 计入月度考核</Tag> : <Tag>不属实</Tag>;
}

const LIGHT_COLORS = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' } as const;

/** The complaint's light as a coloured dot with its name; an answered complaint has none. */
export function ComplaintLight({ light }: { light: 'green' | 'yellow' | 'red' | null }) {
  if (!light) return <span style={{ color: '#8c8c8c' }}>—</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} data-testid={`complaint-light-${light}`}>
      <span aria-hidden style={{ width: 10, height: 10, borderRadius: '50%', background: LIGHT_COLORS[light], display: 'inline-block' }} />
      <span style={{ color: LIGHT_COLORS[light] }}>{LIGHT_NAMES[light]}</span>
    </span>
  );
}
