/**
 * 村固定办公日 (issue 12 §5): each village sets its fixed weekly office day(s) (每周三), edited by its own agent or by
 * the director of the township it belongs to; the public site shows it where villages are listed as places, the
 * agent app on its home page. Versioned (409 on a stale copy).
 */
import { officeDayText } from '../../domain/duty/roster.js';
import type { OfficeDay } from '../../domain/duty/contract.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import * as repo from './repo.js';

const parseWeekdays = (json: string) => fromJson<number[]>(json, []).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);

/** '每周三' per village id (villages without a setting are absent). */
export async function officeDayTexts(db: Db, orgIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await repo.officeDaysOf(db, orgIds);
  return new Map(rows.map((r) => [r.org_id, officeDayText(parseWeekdays(r.weekdays))] as const).filter(([, text]) => text !== ''));
}

/** The villages `actor` may set the office day of: an agent their own, a director the villages of their township. */
async function editableVillages(db: Db, actor: Actor): Promise<OrgsTable[]> {
  const orgs = await listOrgs(db);
  const villages: OrgsTable[] = [];
  if (actor.roles.includes('agent')) villages.push(...orgs.filter((o) => o.id === actor.orgId && o.level === 'village'));
  if (actor.roles.includes('director')) villages.push(...orgs.filter((o) => o.parent_id === actor.orgId && o.level === 'village'));
  return villages;
}

function present(org: OrgsTable, row: repo.OfficeDayRow | undefined): OfficeDay {
  const weekdays = row ? parseWeekdays(row.weekdays) : [];
  return { orgId: org.id, orgName: org.center_name, weekdays, note: row?.note ?? null, text: officeDayText(weekdays), version: row?.version ?? null };
}

export async function listOfficeDays(ctx: AppContext, actor: Actor): Promise<{ villages: OfficeDay[] }> {
  const { db } = ctx.database;
  const villages = await editableVillages(db, actor);
  const rows = new Map((await repo.officeDaysOf(db, villages.map((v) => v.id))).map((r) => [r.org_id, r]));
  return { villages: villages.map((v) => present(v, rows.get(v.id))) };
}

export async function setOfficeDay(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { weekdays: number[]; note?: string | null | undefined; expectedVersion?: number | null | undefined },
): Promise<OfficeDay> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const org = await findOrg(db, orgId);
  if (!org || org.level !== 'village') throw notFound('该村便民服务站');
  if (!(await editableVillages(db, actor)).some((v) => v.id === orgId)) throw forbidden('设置该村的固定办公日（由本村代办员或所属乡镇中心主任设置）');
  const weekdays = [...new Set(input.weekdays)].sort((a, b) => a - b);
  if (weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new DomainError('VALIDATION_FAILED', '办公日请在周一到周日中选择。');
  const note = input.note?.trim() || null;
  await db.transaction().execute(async (trx) => {
    const [existing] = await repo.officeDaysOf(trx, [orgId]);
    if (!existing) {
      if (input.expectedVersion) throw versionConflict();
      await repo.insertOfficeDay(trx, { org_id: orgId, weekdays: toJson(weekdays), note, updated_by: actor.userId, updated_at: at, version: 1 });
    } else if (!input.expectedVersion || !(await repo.updateOfficeDay(trx, orgId, input.expectedVersion, { weekdays: toJson(weekdays), note, updated_by: actor.userId, updated_at: at }))) {
      throw versionConflict();
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'duty.office-day.set', targetType: 'org', targetId: orgId, detail: { weekdays, note } });
  }).catch((error: unknown) => {
    // two first settings at once: the later one is a stale copy
    if (/23505|SQLITE_CONSTRAINT/.test(String((error as { code?: string }).code ?? ''))) throw versionConflict();
    throw error;
  });
  const [row] = await repo.officeDaysOf(db, [orgId]);
  return present(org, row);
}
