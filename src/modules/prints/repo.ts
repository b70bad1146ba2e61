import type { PrintRecordsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export const insertPrint = (db: Db, row: PrintRecordsTable) => db.insertInto('print_records').values(row).execute();

/** A case's prints, newest first, with who printed them and the issuing center's name. */
export const listPrints = (db: Db, caseId: string) =>
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
    .where('print_records.case_id', '=', caseId)
    .orderBy('print_records.printed_at', 'desc')
    .orderBy('print_records.id')
    .execute();
export type PrintRow = Awaited<ReturnType<typeof listPrints>>[number];

export const findPrint = (db: Db, caseId: string, id: string) =>
  db.selectFrom('print_records').select('content').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
