import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { dueIsProvisional, recomputeDeadlines, type CenterTime } from '../../domain/cases/deadlines.js';
import { DomainError } from '../../domain/errors.js';
import { fromBool, toBool, toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import { centerTime } from './center.js';
import { caseRowFromState, stateOf, stateRow } from './persist.js';
import * as repo from './repo.js';

/** The event a case gets when importing a year's arrangement moved its due date. */
export const DEADLINE_RECOMPUTED = 'deadline-recomputed';

export interface RecomputedCase {
  caseId: string;
  caseNo: string;
  before: string;
  after: string;
  dueProvisional: boolean;
}

/** 'YYYY-MM-DD HH:mm' on the wall clock of the center, as the notices print it. */
export function wallTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${localDate(new Date(iso), timeZone)} ${parts}`;
}

/**
 * After a year's arrangement is imported (DOMAIN.md rule 3), in the importing transaction: every open case's
 * deadlines are counted again from their log on the calendar as it now stands. A case whose due date moved gets
 * an event saying from what to what (and is listed to its director as 期限已调整); one that is no longer
 * provisional loses its 暂定 mark. Closed cases keep their dates but lose a 暂定 mark the import made official.
 * The applicant is not messaged here: the notification outbox does not exist yet, the event is the record.
 */
export async function recomputeOpenDeadlines(trx: Db, by: { userId: string | null; at: Date; source: string }): Promise<RecomputedCase[]> {
  // one calendar read and one org read per center, not per case: an import may touch thousands of open cases
  const centers = new Map<string, CenterTime>();
  const timeOf = async (id: string) => {
    if (!centers.has(id)) centers.set(id, await centerTime(trx, (await findOrg(trx, id))!));
    return centers.get(id)!;
  };
  const at = by.at.toISOString();
  const changed: RecomputedCase[] = [];

  for (const row of await repo.casesWithDeadlines(trx)) {
    const time = await timeOf(row.holder_org_id);
    const before = stateOf(row);
    const open = repo.OPEN_STATUSES.includes(row.status);
    const after = open
      ? recomputeDeadlines(before, time.calendar, time)
      : { ...before, dueProvisional: dueIsProvisional(before, time.calendar, time.timeZone) };
    const moved = after.dueAt !== before.dueAt && before.dueAt !== null && after.dueAt !== null;
    const same = after.dueAt === before.dueAt && after.legalDueAt === before.legalDueAt && fromBool(after.dueProvisional ?? false) === row.due_provisional;
    if (same) continue;

    const ok = await repo.updateCase(
      trx,
      row.id,
      row.version,
      { ...caseRowFromState(after, { now: by.at, time }), updated_at: at, ...(moved ? { due_recomputed_at: at } : {}) },
      stateRow(row.id, after).state,
    );
    if (!ok) {
      throw new DomainError('CALENDAR_RECOMPUTE_CONFLICT', `办件 ${row.case_no} 正在被他人办理，期限未能重新计算，年度安排没有导入。请稍后重新导入。`, { caseId: row.id }, 409);
    }
    if (!moved) continue;
    const tag = after.dueProvisional ? '（仍为暂定）' : '';
    const message = `期限按国务院公布的安排重新计算：原 ${wallTime(before.dueAt!, time.timeZone)}${toBool(row.due_provisional) ? '（暂定）' : ''} 现 ${wallTime(after.dueAt!, time.timeZone)}${tag}`;
    await repo.appendEvent(trx, {
      id: randomUUID(),
      case_id: row.id,
      at,
      type: DEADLINE_RECOMPUTED,
      by_user_id: by.userId,
      org_id: row.holder_org_id,
      from_status: row.status,
      to_status: row.status,
      data: toJson({ message, source: by.source, before: before.dueAt, dueAt: after.dueAt, dueProvisional: after.dueProvisional ?? false }),
    });
    changed.push({ caseId: row.id, caseNo: row.case_no, before: before.dueAt!, after: after.dueAt!, dueProvisional: after.dueProvisional ?? false });
  }
  return changed;
}
