import { sql, type Insertable } from 'kysely';
import type { VillageBatchesTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

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

/** Batches with the names of the villages, townships and people, seen from the given organisations. */
const batchesSeenFrom = (db: Db, orgIds: string[]) =>
  db
    .selectFrom('village_batches as b')
    .innerJoin('orgs as v', 'v.id', 'b.village_org_id')
    .innerJoin('orgs as t', 't.id', 'b.township_org_id')
    .innerJoin('users as s', 's.id', 'b.sent_by')
    .leftJoin('users as r', 'r.id', 'b.received_by')
    .select([
      'b.id', 'b.batch_no', 'b.village_org_id', 'b.township_org_id', 'b.sent_at', 'b.received_at', 'b.case_count',
      'v.name as village_name', 't.name as township_name', 's.name as sent_by_name', 'r.name as received_by_name',
    ])
    .where((eb) => eb.or([eb('b.village_org_id', 'in', orgIds), eb('b.township_org_id', 'in', orgIds)]));

/** The batches a village sent, or a township received, newest first. */
export const listBatches = (db: Db, orgIds: string[]) => batchesSeenFrom(db, orgIds).orderBy('b.sent_at', 'desc').limit(200).execute();

/** One batch, if the given organisations sent or received it. */
export const findBatchSeenFrom = (db: Db, orgIds: string[], id: string) => batchesSeenFrom(db, orgIds).where('b.id', '=', id).executeTakeFirst();

export type BatchListRow = Awaited<ReturnType<typeof listBatches>>[number];

/** The cases of a batch with the materials handed over (from each case's village → township hop). */
export const batchCases = (db: Db, batchId: string) =>
  db
    .selectFrom('case_hops as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['c.id', 'c.case_no', 'c.item_code', 'c.item_name', 'c.applicant_name', 'c.version', 'c.transit_org_id', 'h.materials', 'h.urgent', 'h.received_at'])
    .where('h.batch_id', '=', batchId)
    .orderBy('c.case_no')
    .execute();

/** A village's cases waiting for the batch (complete, received, not yet sent up). */
export const casesToForward = (db: Db, villageOrgId: string) =>
  db
    .selectFrom('cases')
    .select('id')
    .where('holder_org_id', '=', villageOrgId)
    .where('status', '=', 'submitted')
    .where('transit_org_id', 'is', null)
    .orderBy('created_at')
    .execute();

/** The village cases of a month, with their item's category and whether they were sent up. */
export const villageCasesOfMonth = (db: Db, villageIds: string[], from: string, to: string) =>
  db
    .selectFrom('cases as c')
    .innerJoin('items as i', 'i.id', 'c.item_id')
    .select((eb) => [
      'c.receiving_org_id',
      'c.status',
      'c.outcome',
      'i.category',
      eb
        .exists(
          eb.selectFrom('case_hops as h').select('h.id').whereRef('h.case_id', '=', 'c.id').where('h.kind', '=', 'village-township').where('h.sent_at', 'is not', null),
        )
        .as('forwarded'),
    ])
    .where('c.receiving_org_id', 'in', villageIds.length > 0 ? villageIds : [''])
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .execute();

/**
 * The hops of the cases received in the given organisations whose limit has passed by `now` (the only ones that
 * can be late), with the case number; the most recent limits first, capped at 20,000 rows.
 */
export const hopsDueBefore = (db: Db, orgIds: string[], now: string) =>
  db
    .selectFrom('case_hops as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .innerJoin('orgs as f', 'f.id', 'h.from_org_id')
    .innerJoin('orgs as t', 't.id', 'h.to_org_id')
    .select([
      'h.id', 'h.case_id', 'h.kind', 'h.urgent', 'h.ready_at', 'h.due_at', 'h.sent_at', 'h.received_at',
      'c.case_no', 'c.item_name', 'f.name as from_name', 't.name as to_name',
    ])
    .where('c.receiving_org_id', 'in', orgIds)
    .where('h.due_at', '<', now)
    .orderBy('h.due_at', 'desc')
    .limit(20_000)
    .execute();

/** Which of the given centers offer the item, with the window their offering names (rule 11: where to go instead). */
export const offeringsOfItem = (db: Db, orgIds: string[], itemId: string) =>
  db
    .selectFrom('org_items as o')
    .leftJoin('windows as w', 'w.id', 'o.window_id')
    .select(['o.org_id', 'w.name as window_name'])
    .where('o.org_id', 'in', orgIds.length > 0 ? orgIds : [''])
    .where('o.item_id', '=', itemId)
    .execute();

/**
 * 待回复: the cases a center received and holds again with their result, still to be told and handed over, with the
 * limit of the hand-back hop (rule 9; none for a certificate finished on the spot): the soonest limit first.
 */
export const casesToReply = (db: Db, orgId: string) =>
  db
    .selectFrom('cases as c')
    .leftJoin('case_hops as h', (join) => join.onRef('h.case_id', '=', 'c.id').on('h.kind', '=', 'hand-back').on('h.received_at', 'is', null))
    .select([
      'c.id', 'c.case_no', 'c.item_code', 'c.item_name', 'c.status', 'c.outcome', 'c.result_no', 'c.applicant_name', 'c.applicant_phone',
      'c.created_at', 'c.version', 'h.ready_at as result_back_at', 'h.due_at as reply_due_at',
    ])
    .where('c.receiving_org_id', '=', orgId)
    .where('c.holder_org_id', '=', orgId)
    .where('c.status', '=', 'completed')
    .orderBy(sql`case when h.due_at is null then 1 else 0 end`)
    .orderBy('h.due_at')
    .orderBy('c.created_at')
    .limit(200)
    .execute();
