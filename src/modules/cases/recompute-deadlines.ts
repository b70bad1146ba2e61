import { recountDecision } from '../../domain/cases/recount.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import type { Db } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import { centerTime } from './center.js';
import * as repo from './repo.js';
import { tryCaseCommand } from './run-case-command.js';

export interface RecomputedCase {
  caseId: string;
  caseNo: string;
  before: string;
  after: string;
  dueProvisional: boolean;
}

/**
 * How often a case changed by someone else while the import runs is read again and counted anew. Each read sees
 * the latest change, and once our write lands the row is ours until the import commits, so a second try is
 * practically always the last; the bound only keeps a case changed without pause from holding the import up.
 */
export const ATTEMPTS = 3;

/**
 * After a year's arrangement is imported (DOMAIN.md rule 3), in the importing transaction: every open case's
 * deadlines are counted again on the calendar as it now stands — a recount decision of the domain
 * (src/domain/cases/recount.ts) written by the one case runner. A case whose due date moved gets an event saying
 * from what to what and is listed to its director as 期限已调整; one that is no longer provisional loses its 暂定
 * mark. Closed cases keep their dates but lose a 暂定 mark the import made official.
 *
 * A case changed meanwhile (its version moved: on PostgreSQL a clerk's action committed while the import ran,
 * counted on the calendar without the new year) is read again and counted anew from its fresh row rather than
 * skipped: the next recount is the next year's import, and the clerk's change must not keep a date counted on
 * provisional days until then. Nor does it fail the import: one busy case is no reason to refuse a year.
 * If it is still changing after ATTEMPTS reads, it keeps its 暂定 mark, so nobody takes its date for official,
 * and the next import counts it again.
 * The applicant is not messaged here: the notification outbox does not exist yet, the event is the record.
 */
export async function recomputeOpenDeadlines(trx: Db, by: Recount): Promise<RecomputedCase[]> {
  // one calendar read and one org read per center, not per case: an import may touch thousands of open cases
  const centers = new Map<string, CenterTime>();
  const timeOf = async (id: string) => {
    if (!centers.has(id)) centers.set(id, await centerTime(trx, (await findOrg(trx, id))!));
    return centers.get(id)!;
  };
  const changed: RecomputedCase[] = [];
  for (const row of await repo.casesWithDeadlines(trx)) {
    const moved = await recountCase(trx, row, by, timeOf);
    if (moved) changed.push(moved);
  }
  return changed;
}

/** Who imported which arrangement, and when. */
export interface Recount {
  userId: string | null;
  at: Date;
  source: string;
}

/**
 * One case counted again from `first` as it was read, and read again while it turns out changed meanwhile.
 * Returns the case when its due date moved; null when it did not (or it never held still).
 */
export async function recountCase(trx: Db, first: repo.CaseRow, by: Recount, timeOf: (orgId: string) => Promise<CenterTime>): Promise<RecomputedCase | null> {
  let row: repo.CaseRow | undefined = first;
  for (let attempt = 0; row !== undefined && attempt < ATTEMPTS; attempt++) {
    const time = await timeOf(row.holder_org_id);
    const step = await tryCaseCommand(
      trx,
      { now: by.at, actor: { userId: by.userId, orgId: row.holder_org_id }, row, expectedVersion: row.version },
      (state) => recountDecision(state, time.calendar, time, by.source),
    );
    if (step === 'stale') {
      row = await repo.findCase(trx, row.id);
      continue;
    }
    if (step === null || step.dueRecountedAt === null) return null;
    return { caseId: row.id, caseNo: row.case_no, before: row.due_at!, after: step.state.dueAt!, dueProvisional: step.state.dueProvisional ?? false };
  }
  return null;
}
