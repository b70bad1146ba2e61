import type { PrintRecordsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export const insertPrint = (db: Db, row: PrintRecordsTable) => db.insertInto('print_records').values(row).execute();

/** The prints of a case with who printed them and the issuing center's name. */
const printsOf = (db: Db, caseId: string) =>
  db
    .selectFrom('print_records')
    .leftJoin('users', 'users.id', 'print_records.printed_by')
    .leftJoin('orgs', 'orgs.id', 'print_records.issuer_org_id')
    .select([
      'print_records.id',
      'print_records.case_id',
      'print_records.paper',
      'print_records.issuer_org_id',
      'print_records.printed_by',
      'print_records.printed_at',
      'users.name as printed_by_name',
      'orgs.center_name as issuer_name',
    ])
    .where('print_records.case_id', '=', caseId);

/** A case's prints, newest first. */
export const listPrints = (db: Db, caseId: string) =>
  printsOf(db, caseId).orderBy('print_records.printed_at', 'desc').orderBy('print_records.id').execute();
export type PrintRow = Awaited<ReturnType<typeof listPrints>>[number];

/** One print of a case, with the content it printed. */
export const findPrint = (db: Db, caseId: string, id: string) =>
  printsOf(db, caseId).select('print_records.content').where('print_records.id', '=', id).executeTakeFirst();
