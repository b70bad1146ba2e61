import { Link } from '@tanstack/react-router';
import type { LedgerLinkSearch } from '../api/ledger-search';

export const LIGHT_COLORS = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' } as const;
export const LIGHT_LABELS = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;

/**
 * A dashboard number that opens the ledger with the filter it counted (the server's totals are the ledger's own).
 * Zero stays plain grey: there is nothing to open.
 */
export function CountLink({ count, search, color, testId, title }: { count: number; search: LedgerLinkSearch; color?: string; testId?: string; title?: string }) {
  if (count === 0) {
    return (
      <span style={{ color: '#bfbfbf' }} data-testid={testId}>
        0
      </span>
    );
  }
  return (
    <Link to="/cases" search={search} data-testid={testId} title={title ?? '在办件台账中查看这些办件'} style={{ color, fontWeight: 600 }}>
      {count}
    </Link>
  );
}

export function LightDot({ light }: { light: 'green' | 'yellow' | 'red' | null }) {
  if (!light) return null;
  return (
    <span
      aria-label={LIGHT_LABELS[light]}
      title={LIGHT_LABELS[light]}
      style={{ width: 10, height: 10, borderRadius: '50%', background: LIGHT_COLORS[light], display: 'inline-block', flex: 'none' }}
    />
  );
}
