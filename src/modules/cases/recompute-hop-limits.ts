import type { CenterTime } from '../../domain/cases/deadlines.js';
import type { HopKind } from '../../domain/cases/hops.js';
import { hopRecountDecision } from '../../domain/cases/recount.js';
import type { Db } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import { centerTime } from './center.js';
import { ATTEMPTS, type Recount } from './recompute-deadlines.js';
import * as repo from './repo.js';
import { tryCaseCommand } from './run-case-command.js';

export interface RecomputedHop {
  caseId: string;
  caseNo: string;
  hop: HopKind;
  before: string;
  after: string;
}

/**
 * After a year's arrangement is imported, in the importing transaction (after the cases' own deadlines): every hop
 * not yet done gets its limit counted again from its start and kind — a recount decision of the domain
 * (src/domain/cases/recount.ts) written by the one case runner, in the calendar, office hours and zone of the
 * center the hop starts from, as it was first counted. A hop whose limit moved gets an event on its case saying
 * from what to what, so the violation list and the case's record agree.
 *
 * A case changed meanwhile (a clerk's action committed while the import ran) is read again with its hop, as the
 * deadline recount does: a hop sent or handed over meanwhile is done and keeps the limit it was judged by.
 */
export async function recomputeOpenHopLimits(trx: Db, by: Recount): Promise<RecomputedHop[]> {
  // one calendar read per center, not per hop
  const times = new Map<string, CenterTime>();
  const timeOf = async (orgId: string) => {
    if (!times.has(orgId)) times.set(orgId, await centerTime(trx, (await findOrg(trx, orgId))!));
    return times.get(orgId)!;
  };
  const moved: RecomputedHop[] = [];
  for (const open of await repo.openHops(trx)) {
    const t = await timeOf(open.from_org_id);
    let row = await repo.findCase(trx, open.case_id);
    for (let attempt = 0; row !== undefined && attempt < ATTEMPTS; attempt++) {
      const h = (await repo.unreceivedHops(trx, row.id)).find((x) => x.id === open.id);
      if (!h) break;
      const hop = { kind: h.kind as HopKind, readyAt: h.ready_at, dueAt: h.due_at, sentAt: h.sent_at, receivedAt: h.received_at, urgent: h.urgent === 1 };
      const step = await tryCaseCommand(
        trx,
        { now: by.at, actor: { userId: by.userId, orgId: h.from_org_id }, row, expectedVersion: row.version },
        (state) => hopRecountDecision(state, hop, t, by.source),
      );
      if (step === 'stale') {
        row = await repo.findCase(trx, row.id);
        continue;
      }
      const limit = step?.hops.find((w) => w.type === 'limit');
      if (limit) moved.push({ caseId: row.id, caseNo: row.case_no, hop: hop.kind, before: hop.dueAt, after: limit.dueAt });
      break;
    }
  }
  return moved;
}
