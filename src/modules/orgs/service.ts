import { randomUUID } from 'node:crypto';
import { validateOfficeHours, type OfficeHours } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { CENTER_SUFFIX, childLevel, subtreeIds, type OrgLevel } from '../../domain/orgs/tree.js';
import { toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { duplicate, forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { presentOrg } from './presenter.js';
import * as repo from './repo.js';

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '17:30' },
  ],
};

/** The ids of the actor's organisation and everything below it: the limit of what they may see and manage. */
export async function scopeOf(db: Db, actor: Actor): Promise<Set<string>> {
  const orgs = await repo.listOrgs(db);
  return subtreeIds(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })),
    actor.orgId,
  );
}

export async function assertInScope(db: Db, actor: Actor, orgId: string): Promise<void> {
  if (!(await scopeOf(db, actor)).has(orgId)) throw forbidden('管理该机构');
}

export async function listOrgsFor(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const scope = await scopeOf(db, actor);
  return (await repo.listOrgs(db)).filter((o) => scope.has(o.id)).map(presentOrg);
}

export async function createOrg(
  ctx: AppContext,
  actor: Actor,
  input: {
    parentId: string | null;
    level: OrgLevel;
    code: string;
    name: string;
    centerName?: string;
    address?: string | null;
    phone?: string | null;
    officeHours?: OfficeHours;
  },
) {
  const now = ctx.clock();
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  validateOfficeHours(officeHours);
  return ctx.database.db.transaction().execute(async (trx) => {
    const parent = input.parentId ? await repo.findOrg(trx, input.parentId) : null;
    if (input.parentId && !parent) throw notFound('上级机构');
    if (parent) await assertInScope(trx, actor, parent.id);
    else if ((await repo.listOrgs(trx)).length > 0) throw forbidden('新建顶级机构');
    const expected = childLevel(parent?.level ?? null);
    if (expected !== input.level) {
      throw new DomainError(
        'ORG_LEVEL_MISMATCH',
        expected === null ? '村级机构下不能再设下级机构。' : '下级机构的层级须比上级低一级（县 → 乡镇 → 村）。',
      );
    }
    if (await repo.findOrgByCode(trx, input.code)) throw duplicate(`机构代码 ${input.code} `);
    const row = {
      id: randomUUID(),
      parent_id: parent?.id ?? null,
      level: input.level,
      code: input.code,
      name: input.name,
      center_name: input.centerName ?? `${input.name}${CENTER_SUFFIX[input.level]}`,
      address: input.address ?? null,
      phone: input.phone ?? null,
      office_hours: toJson(officeHours),
      time_zone: parent?.time_zone ?? ctx.config.timeZone,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      version: 1,
    };
    await repo.insertOrg(trx, row);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'org.create', targetType: 'org', targetId: row.id });
    return presentOrg(row);
  });
}

export async function updateOrg(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: {
    expectedVersion: number;
    code?: string;
    name?: string;
    centerName?: string;
    address?: string | null;
    phone?: string | null;
    officeHours?: OfficeHours;
  },
) {
  const now = ctx.clock();
  if (input.officeHours) validateOfficeHours(input.officeHours);
  return ctx.database.db.transaction().execute(async (trx) => {
    const org = await repo.findOrg(trx, id);
    if (!org) throw notFound('该机构');
    await assertInScope(trx, actor, id);
    if (input.code && input.code !== org.code && (await repo.findOrgByCode(trx, input.code))) {
      throw duplicate(`机构代码 ${input.code} `);
    }
    const changed = await repo.updateOrg(trx, id, input.expectedVersion, {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.centerName !== undefined && { center_name: input.centerName }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.officeHours !== undefined && { office_hours: toJson(input.officeHours) }),
      updated_at: now.toISOString(),
    });
    if (!changed) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'org.update', targetType: 'org', targetId: id, detail: input });
    return presentOrg((await repo.findOrg(trx, id))!);
  });
}
