/** 公告's tables (migration 0027): the notices and every version of them. Only this module names them. */
import { sql } from 'kysely';
import type { NoticeVersionsTable, NoticesTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type NoticeRow = NoticesTable;
export type NoticeVersionRow = NoticeVersionsTable;

export const findNotice = (db: Db, id: string) => db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();

export const findNoticeByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('notices').selectAll().where('created_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();

/** A center's notices, the newest start first (withdrawn ones too: the staff list). */
export const noticesOf = (db: Db, orgId: string) =>
  db.selectFrom('notices').selectAll().where('org_id', '=', orgId).orderBy('start_date', 'desc').orderBy('created_at', 'desc').limit(500).execute();

/** The notices the public sees on local date `today`: published, started, not ended. */
export const shownNotices = (db: Db, orgId: string, today: string) =>
  db
    .selectFrom('notices')
    .select(['id', 'title', 'body', 'start_date', 'end_date'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'published')
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .orderBy('start_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();

export const insertNotice = (db: Db, row: NoticeRow) => db.insertInto('notices').values(row).execute();

export type NoticePatch = Partial<Omit<NoticeRow, 'id' | 'org_id' | 'version' | 'created_by' | 'created_at' | 'idempotency_key'>>;

/** The notice changes only if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function updateNotice(db: Db, id: string, expectedVersion: number, patch: NoticePatch): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertVersion = (db: Db, row: NoticeVersionRow) => db.insertInto('notice_versions').values(row).execute();

export const versionsOf = (db: Db, noticeId: string) => db.selectFrom('notice_versions').selectAll().where('notice_id', '=', noticeId).orderBy('version', 'desc').execute();
