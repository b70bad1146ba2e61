import { randomUUID } from 'node:crypto';
import type { CaseAction, CaseState } from '../../domain/cases/model.js';
import { hopChanges, hopLimit, limitWhenSent, type HopKind } from '../../domain/cases/hops.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { ancestorAt } from './center.js';
import * as repo from './repo.js';

export interface HopStep {
  caseId: string;
  before: CaseState | null;
  after: CaseState;
  action: CaseAction | 'intake';
  /** the case row's organisations after the step */
  orgs: { receiving: string; holder: string; transit: string | null; holderBefore: string };
  userId: string;
  now: Date;
  urgent?: boolean;
  batchId?: string | null;
  /** calendar and office hours of the center the hop starts from */
  time: CenterTime;
}

/** Writes the hop rows a step of a case opens, sends or closes (rule 9), in the step's transaction. */
export async function recordHops(db: Db, step: HopStep): Promise<void> {
  const at = step.now.toISOString();
  for (const change of hopChanges(step.before, step.after, step.action, step.urgent ?? false)) {
    if (change.type === 'cancel-unsent') {
      await repo.deleteUnsentHops(db, step.caseId);
      continue;
    }
    const open = await repo.findOpenHop(db, step.caseId, change.kind);
    if (change.type === 'open') {
      if (open) continue; // already waiting (a pause or supplement in between)
      const { from, to } = await ends(db, change.kind, step);
      await repo.insertHop(db, {
        id: randomUUID(),
        case_id: step.caseId,
        kind: change.kind,
        from_org_id: from,
        to_org_id: to,
        urgent: 0,
        batch_id: null,
        materials: toJson(change.kind === 'hand-back' ? [] : step.after.providedMaterials),
        ready_at: at,
        due_at: hopLimit(change.kind, step.now, {}, step.time).toISOString(),
        sent_by: change.sent ? step.userId : null,
        sent_at: change.sent ? at : null,
        received_by: null,
        received_at: null,
      });
    } else if (change.type === 'send' && open) {
      await repo.updateHop(db, open.id, {
        sent_by: step.userId,
        sent_at: at,
        urgent: change.urgent ? 1 : 0,
        batch_id: step.batchId ?? null,
        materials: toJson(step.after.providedMaterials),
        to_org_id: step.orgs.transit ?? open.to_org_id,
        due_at: limitWhenSent(change.kind, new Date(open.ready_at), new Date(open.due_at), change.urgent, step.time).toISOString(),
      });
    } else if (change.type === 'receive' && open) {
      await repo.updateHop(db, open.id, { received_by: step.userId, received_at: at });
    }
  }
}

async function ends(db: Db, kind: HopKind, step: HopStep): Promise<{ from: string; to: string }> {
  if (kind === 'hand-back') return { from: step.orgs.holderBefore, to: step.orgs.receiving };
  const above = await ancestorAt(db, step.orgs.holder, kind === 'village-township' ? 'township' : 'county');
  return { from: step.orgs.holder, to: above?.id ?? step.orgs.holder };
}
