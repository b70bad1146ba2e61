/**
 * The five faces of 好差评 drawn as SVG (the pad and the phone pages): no emoji font needed — many tablets and old
 * phones lack one and would show empty boxes. Colour and mouth go from a wide green smile to a red frown.
 */
import type { Level } from '@domain/evaluation/levels';

const FACE: Record<Level, { color: string; mouth: number; brows: boolean }> = {
  very_satisfied: { color: '#389e0d', mouth: 86, brows: false },
  satisfied: { color: '#7cb305', mouth: 76, brows: false },
  basic: { color: '#d4b106', mouth: 64, brows: false },
  dissatisfied: { color: '#fa8c16', mouth: 54, brows: false },
  very_dissatisfied: { color: '#cf1322', mouth: 46, brows: true },
};

export function RatingFace({ level, size }: { level: Level; size: number }) {
  const f = FACE[level];
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={f.color} />
      <circle cx="35" cy="40" r="6" fill="#fff" />
      <circle cx="65" cy="40" r="6" fill="#fff" />
      {f.brows && <path d="M24 26 L42 32 M76 26 L58 32" stroke="#fff" strokeWidth="5" strokeLinecap="round" />}
      {level === 'very_satisfied' ? (
        <path d="M28 60 Q50 92 72 60 Z" fill="#fff" />
      ) : (
        <path d={`M30 64 Q50 ${f.mouth} 70 64`} stroke="#fff" strokeWidth="6" fill="none" strokeLinecap="round" />
      )}
    </svg>
  );
}
