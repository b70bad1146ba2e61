import { randomUUID } from 'node:crypto';
import { HOP_NAMES, recountHopLimit, type HopKind } from '../../domain/cases/hops.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import { wallTime } from '../../domain/calendar/office-hours.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import { centerTime } from './center.js';
import { appendCaseEvent } from '../events/repo.js';
import * as repo from './repo.js';

/** The event a case gets when importing a year's arrangement moved the limit of one of its hops (rule 9). */
export const HOP_LIMIT_RECOMPUTED = 'hop-limit-recomputed';

export interface RecomputedHop {
  caseId: string;
  caseNo: string;
  hop: HopKind;
  before: string;
  after: string;
}

/**
 * After a year's arrangement is imported, in the importing transaction (with the cases' own deadlines): every hop
 * not yet done gets its limit counted again from its start and kind (the domain decides, src/domain/cases/hops.ts),
 * in the calendar, office hours and zone of the center it starts from, as it was first counted. A hop whose limit
 * moved gets an event on its case saying from what to what, so the violation list and the case's record agree.
 * A hop sent or handed over meanwhile keeps its limit (the conditional update refuses it quietly).
 */
export async function recomputeOpenHopLimits(trx: Db, by: { userId: string | null; at: Date; source: string }): Promise<RecomputedHop[]> {
  // one calendar read per center, not per hop
  const times = new Map<string, CenterTime>();
  const timeOf = async (orgId: string) => {
    if (!times.has(orgId)) times.set(orgId, await centerTime(trx, (await findOrg(trx, orgId))!));
    return times.get(orgId)!;
  };
  const at = by.at.toISOString();
  const moved: RecomputedHop[] = [];

  for (const h of await repo.openHops(trx)) {
    const kind = h.kind as HopKind;
    const t = await timeOf(h.from_org_id);
    const next = recountHopLimit({ kind, readyAt: h.ready_at, dueAt: h.due_at, sentAt: h.sent_at, receivedAt: h.received_at, urgent: h.urgent === 1 }, t);
    if (!next) continue;
    if (!(await repo.moveHopDue(trx, h.id, kind, h.due_at, next.dueAt))) continue;

    const message = `${HOP_NAMES[kind]}时限按国务院公布的安排重新计算：原 ${wallTime(h.due_at, t.timeZone)} 现 ${wallTime(next.dueAt, t.timeZone)}${next.provisional ? '（仍为暂定）' : ''}`;
    await appendCaseEvent(trx, {
      id: randomUUID(),
      case_id: h.case_id,
      at,
      type: HOP_LIMIT_RECOMPUTED,
      by_user_id: by.userId,
      org_id: h.from_org_id,
      from_status: h.status,
      to_status: h.status,
      // not `dueAt`: that key is the case's own due date to the papers (the 延期告知书 reads the last one recorded)
      data: toJson({ message, source: by.source, hop: kind, limitBefore: h.due_at, limitAfter: next.dueAt, provisional: next.provisional }),
    });
    moved.push({ caseId: h.case_id, caseNo: h.case_no, hop: kind, before: h.due_at, after: next.dueAt });
  }
  return moved;
}
