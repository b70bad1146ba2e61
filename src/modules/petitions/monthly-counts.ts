/** For the monthly statistics report (issue 13 §1): petitions received per center in [from, to) (instants). */
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export async function petitionCountsByCenter(db: Db, orgIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('petitions')
    .select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', 'in', [...orgIds])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy('org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, toCount(r.n)]));
}
