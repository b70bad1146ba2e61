import { decideIntake, type IntakeDecision } from '@domain/cases/intake';
import type { Rejection } from '@domain/cases/rules';
import type { Level } from '@/lib/levels';
import type { OfferedItem } from '../api/get-offered-items';

/** What the clerk marked for each material of the guide. `na`: a conditional attachment that does not apply. */
export type MaterialMark = 'provided' | 'missing' | 'na';

export type Proxy = 'none' | 'authorized' | 'unauthorized';

export interface IntakePreviewInput {
  item: OfferedItem;
  level: Level;
  channel: 'window' | 'kiosk' | 'agent';
  marks: Record<string, MaterialMark>;
  proxy: Proxy;
}

/** The checklist as the server takes it: a material not applicable is left out. */
/** Every material of the guide, each stated once: handed over, not handed over, or (an attachment) not applicable. */
export const materialsOf = (item: OfferedItem, marks: Record<string, MaterialMark>) =>
  item.materials.map((m) => {
    const mark = marks[m.name] ?? 'provided';
    return mark === 'na' ? { name: m.name, provided: false, notApplicable: true } : { name: m.name, provided: mark === 'provided' };
  });

export const proxyOf = (proxy: Proxy) => (proxy === 'none' ? undefined : { authorized: proxy === 'authorized' });

/** Exactly what the server will decide (the same pure rule, src/domain/cases/intake.ts). */
export function previewIntake({ item, level, channel, marks, proxy }: IntakePreviewInput): IntakeDecision | Rejection {
  return decideIntake({
    item,
    receivingLevel: level,
    channel,
    materials: materialsOf(item, marks),
    proxy: proxyOf(proxy) ?? null,
  });
}

export const intakeKindCode = (decision: IntakeDecision) =>
  decision.outcome === 'return' ? 'returned' : decision.outcome === 'supplement' ? 'supplement' : decision.kind;
