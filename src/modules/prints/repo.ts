import type { PrintRecordsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';

export const insertPrint = (db: Db, row: PrintRecordsTable) => db.insertInto('print_records').values(row).execute();

const PRINT_COLUMNS = ['id', 'case_id', 'paper', 'issuer_org_id', 'printed_by', 'printed_at'] as const;

/** Who printed each and the issuing center's name, asked of their modules. */
async function named<T extends { printed_by: string | null; issuer_org_id: string | null }>(db: Db, rows: T[]) {
  const [people, orgs] = await Promise.all([peopleByIds(db, rows.map((r) => r.printed_by)), orgsByIds(db, rows.map((r) => r.issuer_org_id))]);
  return rows.map((r) => ({ ...r, printed_by_name: people.get(r.printed_by ?? '')?.name ?? null, issuer_name: orgs.get(r.issuer_org_id ?? '')?.center_name ?? null }));
}

/** A case's prints, newest first, with who printed them and the issuing center's name. */
export async function listPrints(db: Db, caseId: string) {
  const rows = await db.selectFrom('print_records').select(PRINT_COLUMNS).where('case_id', '=', caseId).orderBy('printed_at', 'desc').orderBy('id').execute();
  return named(db, rows);
}
export type PrintRow = Awaited<ReturnType<typeof listPrints>>[number];

/** One print of a case, with the content it printed. */
export async function findPrint(db: Db, caseId: string, id: string) {
  const row = await db.selectFrom('print_records').select([...PRINT_COLUMNS, 'content']).where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return row ? (await named(db, [row]))[0] : undefined;
}

/** A case's prints with what each printed, newest first: the applicant's list of papers reads their titles. */
export const listPrintContents = (db: Db, caseId: string) =>
  db.selectFrom('print_records').select(['id', 'paper', 'printed_at', 'issuer_org_id', 'content']).where('case_id', '=', caseId).orderBy('printed_at', 'desc').orderBy('id').execute();
