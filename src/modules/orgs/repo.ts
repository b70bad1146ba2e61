import { sql, type Updateable } from 'kysely';
import { prepared } from '../../db/prepared.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Db } from '../../server/context.js';
import type { OrgsTable } from '../../db/schema.js';

export const listOrgs = (db: Db) => db.selectFrom('orgs').selectAll().orderBy('code').execute();

// compiled once (src/db/prepared.ts): an intake and a case page read several organisations each
const orgById = prepared((db, id: string) => db.selectFrom('orgs').selectAll().where('id', '=', id));
export const findOrg = async (db: Db, id: string) => (await orgById(db, id))[0];

const ORG_COLUMNS = ['id', 'parent_id', 'level', 'code', 'name', 'center_name', 'address', 'phone', 'office_hours', 'time_zone', 'created_at', 'updated_at', 'version'] as const;
/** Deeper than any tree of levels: a parent loop written by mistake ends the walk instead of running forever. */
const MAX_DEPTH = 16;
/** The recursive query's own name for the rows found so far (not a table, so not in eslint's TABLE_OWNERS). */
const CHAIN = 'chain';
const chainFrom = prepared((db, id: string) =>
  db
    .withRecursive('chain(id, parent_id, level, code, name, center_name, address, phone, office_hours, time_zone, created_at, updated_at, version, depth)', (q) =>
      q
        .selectFrom('orgs')
        .select([...ORG_COLUMNS, sql<number>`0`.as('depth')])
        .where('id', '=', id)
        .unionAll(
          q
            .selectFrom('orgs')
            .innerJoin(CHAIN, 'chain.parent_id', 'orgs.id')
            .select([...ORG_COLUMNS.map((c) => `orgs.${c}` as const), sql<number>`chain.depth + 1`.as('depth')])
            .where('chain.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom(CHAIN)
    .select(ORG_COLUMNS)
    .orderBy('depth'),
);
/** An organisation and each one above it, itself first: one query instead of one per level (the intake). */
export const orgChain = (db: Db, id: string): Promise<OrgsTable[]> => chainFrom(db, id);

export const findOrgByCode = (db: Db, code: string) =>
  db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();

export const insertOrg = (db: Db, row: OrgsTable) => db.insertInto('orgs').values(row).execute();

export const updateOrg = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<OrgsTable>) =>
  updateVersioned(db, 'orgs', id, expectedVersion, patch);

/** The organisations with these ids (nulls and repeats ignored), by id: for other modules' lists. */
export async function orgsByIds(db: Db, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map<string, OrgsTable>();
  const rows = await db.selectFrom('orgs').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
