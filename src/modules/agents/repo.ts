import type { Insertable } from 'kysely';
import type { VillageBatchesTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';

export const findBatch = (db: Db, id: string) => db.selectFrom('village_batches').selectAll().where('id', '=', id).executeTakeFirst();

export const findBatchByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('village_batches').selectAll().where('sent_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();

export const insertBatch = (db: Db, row: Insertable<VillageBatchesTable>) => db.insertInto('village_batches').values(row).execute();

export const markBatchReceived = (db: Db, id: string, userId: string, at: string) =>
  db.updateTable('village_batches').set({ received_by: userId, received_at: at }).where('id', '=', id).where('received_at', 'is', null).execute();

export const countBatchesOfDay = async (db: Db, villageOrgId: string, prefix: string) =>
  Number(
    (
      await db
        .selectFrom('village_batches')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('village_org_id', '=', villageOrgId)
        .where('batch_no', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).n,
  );

const BATCH_COLUMNS = ['id', 'batch_no', 'village_org_id', 'township_org_id', 'sent_by', 'received_by', 'sent_at', 'received_at', 'case_count'] as const;

/** Batches seen from the given organisations, with the names of the villages, townships and people (asked of their modules). */
async function named<T extends { village_org_id: string; township_org_id: string; sent_by: string; received_by: string | null }>(db: Db, rows: T[]) {
  const [orgs, people] = await Promise.all([
    orgsByIds(db, rows.flatMap((b) => [b.village_org_id, b.township_org_id])),
    peopleByIds(db, rows.flatMap((b) => [b.sent_by, b.received_by])),
  ]);
  return rows.map((b) => ({
    ...b,
    village_name: orgs.get(b.village_org_id)?.name ?? '',
    township_name: orgs.get(b.township_org_id)?.name ?? '',
    sent_by_name: people.get(b.sent_by)?.name ?? '',
    received_by_name: people.get(b.received_by ?? '')?.name ?? null,
  }));
}

const seenFrom = (db: Db, orgIds: string[]) =>
  db
    .selectFrom('village_batches')
    .select(BATCH_COLUMNS)
    .where((eb) => eb.or([eb('village_org_id', 'in', orgIds), eb('township_org_id', 'in', orgIds)]));

/** The batches a village sent, or a township received, newest first. */
export async function listBatches(db: Db, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return named(db, await seenFrom(db, orgIds).orderBy('sent_at', 'desc').limit(200).execute());
}

/** One batch, if the given organisations sent or received it. */
export async function findBatchSeenFrom(db: Db, orgIds: string[], id: string) {
  if (orgIds.length === 0) return undefined;
  const row = await seenFrom(db, orgIds).where('id', '=', id).executeTakeFirst();
  return row ? (await named(db, [row]))[0] : undefined;
}

export type BatchListRow = Awaited<ReturnType<typeof listBatches>>[number];

/** When the village last sent a batch, if ever. */
export const lastBatchSentAt = async (db: Db, villageOrgId: string) =>
  (await db.selectFrom('village_batches').select('sent_at').where('village_org_id', '=', villageOrgId).orderBy('sent_at', 'desc').limit(1).executeTakeFirst())?.sent_at ?? null;
