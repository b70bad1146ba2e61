import type { Db } from '../../server/context.js';

export const findFile = (db: Db, hash: string) => db.selectFrom('files').selectAll().where('hash', '=', hash).executeTakeFirst();

/** One more record uses the file: the row is made on first use (who uploaded it first is kept). */
export async function addFileRef(db: Db, file: { hash: string; size: number; type: string }, by: string | null, at: string): Promise<void> {
  await db
    .insertInto('files')
    .values({ hash: file.hash, size: file.size, type: file.type, refs: 1, created_by: by, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('hash').doUpdateSet((eb) => ({ refs: eb('files.refs', '+', 1), updated_at: at })))
    .execute();
}

/** One record less uses the file; true when none does any more (the row is gone and the bytes may go). */
export async function dropFileRef(db: Db, hash: string, at: string): Promise<boolean> {
  await db.updateTable('files').set((eb) => ({ refs: eb('refs', '-', 1), updated_at: at })).where('hash', '=', hash).execute();
  const gone = await db.deleteFrom('files').where('hash', '=', hash).where('refs', '<=', 0).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}
