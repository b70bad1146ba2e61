/**
 * 标准化建设检查表 as data (issue 13 §4): the newest version of each level's checklist is what new rounds use; the
 * system administrator changes one by saving a new version (with a reason), never by editing the one rounds use.
 */
import { randomUUID } from 'node:crypto';
import { CHECKLIST_LEVEL_NAMES, checklistProblems, totalPoints, type ChecklistItem, type ChecklistLevel } from '../../domain/standards/checklist.js';
import type { Checklist } from '../../domain/standards/contract.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';

export const itemsOf = (row: repo.ChecklistRow) => fromJson<ChecklistItem[]>(row.items, []);

export async function presentChecklists(db: Db, rows: repo.ChecklistRow[]): Promise<Checklist[]> {
  const people = await peopleByIds(db, rows.map((r) => r.created_by));
  return rows.map((r) => {
    const items = itemsOf(r);
    return {
      id: r.id,
      level: r.level as ChecklistLevel,
      levelName: CHECKLIST_LEVEL_NAMES[r.level as ChecklistLevel] ?? r.level,
      version: r.version,
      title: r.title,
      items,
      total: totalPoints(items),
      reason: r.reason,
      createdAt: r.created_at,
      createdByName: r.created_by ? (people.get(r.created_by)?.name ?? null) : null,
    };
  });
}

/** The newest version of each level, or every version (history) newest first. */
export async function listChecklists(ctx: AppContext, history: boolean): Promise<{ checklists: Checklist[] }> {
  const { db } = ctx.database;
  const rows = await repo.checklistVersions(db);
  const shown = history ? rows : rows.filter((r, i) => rows.findIndex((o) => o.level === r.level) === i);
  return { checklists: await presentChecklists(db, shown) };
}

export async function saveChecklistVersion(
  ctx: AppContext,
  actor: Actor,
  level: ChecklistLevel,
  input: { title: string; items: ChecklistItem[]; reason: string; expectedVersion: number },
): Promise<Checklist> {
  const problems = checklistProblems(input.items);
  if (problems.length > 0) throw new DomainError('CHECKLIST_INVALID', problems.join(''), { problems });
  const now = ctx.clock();
  const { db } = ctx.database;
  const id = randomUUID();
  const items = input.items.map((i) => ({ ...i, min: i.kind === 'number' ? (i.min ?? null) : null, unit: i.kind === 'number' ? (i.unit ?? null) : null }));
  await db
    .transaction()
    .execute(async (trx) => {
      const latest = await repo.latestChecklist(trx, level);
      if (!latest) throw notFound('该检查表');
      if (latest.version !== input.expectedVersion) throw versionConflict();
      await repo.insertChecklist(trx, { id, level, version: latest.version + 1, title: input.title, items: toJson(items), reason: input.reason, created_by: actor.userId, created_at: now.toISOString() });
      await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'standards.checklist.version', targetType: 'standard_checklist', targetId: id, detail: { level, version: latest.version + 1, reason: input.reason } });
    })
    .catch((error: unknown) => {
      // two saves of the same version at once: the later one is a stale copy
      if (/23505|SQLITE_CONSTRAINT/.test(String((error as { code?: string }).code ?? ''))) throw versionConflict();
      throw error;
    });
  return (await presentChecklists(db, [(await repo.findChecklist(db, id))!]))[0]!;
}
