/**
 * What the village agents' capability (src/modules/agents) reads of cases and their hops between levels: the cases
 * and hops are this module's tables, so their SQL lives here and the agents module calls these functions.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/context.js';
import { itemsByIds } from '../catalog/repo.js';
import { orgsByIds } from '../orgs/repo.js';

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

/** The limit of a case's village → township hop while it waits at this village, if it does. */
export const waitingHopDue = async (db: Db, villageOrgId: string, caseId: string) =>
  (
    await db
      .selectFrom('case_hops')
      .select('due_at')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'village-township')
      .where('from_org_id', '=', villageOrgId)
      .where('sent_at', 'is', null)
      .executeTakeFirst()
  )?.due_at ?? null;

/** The village cases of a month, with their item's category (asked of the catalog) and whether they were sent up. */
export async function villageCasesOfMonth(db: Db, villageIds: string[], from: string, to: string) {
  if (villageIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases as c')
    .select((eb) => [
      'c.receiving_org_id',
      'c.status',
      'c.outcome',
      'c.item_id',
      eb
        .exists(
          eb.selectFrom('case_hops as h').select('h.id').whereRef('h.case_id', '=', 'c.id').where('h.kind', '=', 'village-township').where('h.sent_at', 'is not', null),
        )
        .as('forwarded'),
    ])
    .where('c.receiving_org_id', 'in', villageIds)
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .execute();
  const items = await itemsByIds(db, rows.map((r) => r.item_id));
  return rows.map((r) => ({ ...r, category: items.get(r.item_id)?.category ?? '' }));
}

/**
 * The hops of the cases received in the given organisations whose limit has passed by `now` (the only ones that
 * can be late), with the case number and the names of both ends; the most recent limits first, capped at 20,000.
 */
export async function hopsDueBefore(db: Db, orgIds: string[], now: string) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('case_hops as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.id', 'h.case_id', 'h.kind', 'h.urgent', 'h.ready_at', 'h.due_at', 'h.sent_at', 'h.received_at', 'h.from_org_id', 'h.to_org_id', 'c.case_no', 'c.item_name'])
    .where('c.receiving_org_id', 'in', orgIds)
    .where('h.due_at', '<', now)
    .orderBy('h.due_at', 'desc')
    .limit(20_000)
    .execute();
  const orgs = await orgsByIds(db, rows.flatMap((h) => [h.from_org_id, h.to_org_id]));
  return rows.map((h) => ({ ...h, from_name: orgs.get(h.from_org_id)?.name ?? '', to_name: orgs.get(h.to_org_id)?.name ?? '' }));
}

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
