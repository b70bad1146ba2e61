import { Tag } from 'antd';
import type { Whereabouts } from '@domain/transparency/whereabouts';

/** One color per 去向, the same on the board, the 在岗登记 page and the lists. */
export const WHEREABOUTS_COLORS: Record<Whereabouts, string> = { 在岗: 'green', 下村: 'blue', 开会: 'purple', 请假: 'orange', 出差: 'cyan' };

export function WhereaboutsTag({ kind, large = false }: { kind: Whereabouts; large?: boolean }) {
  return (
    <Tag color={WHEREABOUTS_COLORS[kind]} style={large ? { fontSize: 16, padding: '2px 10px', lineHeight: '26px' } : undefined}>
      {kind}
    </Tag>
  );
}
