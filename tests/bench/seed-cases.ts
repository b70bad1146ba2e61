/**
 * Seeds many realistic cases straight into the database (through the domain, not HTTP) so that the ledger and
 * progress benchmarks run against a center with a long history.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { applyDeadline, type CenterTime } from '../../src/domain/cases/deadlines.js';
import { openCase } from '../../src/domain/cases/intake.js';
import { applyDecision, decide } from '../../src/domain/cases/transitions.js';
import type { CaseState } from '../../src/domain/cases/model.js';
import type { OrgLevel } from '../../src/domain/orgs/tree.js';
import type { Database } from '../../src/db/database.js';
import type { CasesTable, CaseStatesTable } from '../../src/db/schema.js';
import { presentItem } from '../../src/modules/catalog/presenter.js';
import { findItemByCode } from '../../src/modules/catalog/repo.js';
import { centerTime } from '../../src/modules/cases/center.js';
import { caseRowFromState, stateRow } from '../../src/modules/cases/persist.js';

const ITEMS = ['MZ-002', 'MZ-001', 'RS-004', 'JS-002', 'NY-002', 'CZ-001'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';

const DAY_MS = 86_400_000;

/** One case of `item` received at `now` (closed: completed and handed over the same day), as stored. */
function caseOfDay(item: ReturnType<typeof presentItem>, time: CenterTime, now: Date, closed: boolean) {
  const opened = openCase(
    {
      item: { ...item, acceptLevels: item.acceptLevels as OrgLevel[] },
      receivingLevel: 'township',
      channel: 'window',
      materials: item.materials.map((m) => ({ name: m.name, provided: true })),
    },
    { now },
  );
  if (!opened.ok) throw new Error(opened.message);
  let state: CaseState = applyDeadline(opened.state, opened.deadline, time);
  // most of a year's cases are finished and handed over; the newest are still open
  if (closed) {
    const actor = { roles: ['clerk' as const], level: 'township' as const };
    const done = decide(state, 'complete', { outcome: 'approved', resultNo: `R${now.getTime()}` }, { now, actor });
    if (done.ok) state = applyDecision(state, done);
    const handed = decide(state, 'deliver', { method: 'window' }, { now, actor });
    if (handed.ok) state = applyDecision(state, handed);
  }
  return { state: stateRow('', state).state, row: caseRowFromState(state, { now, time }) };
}

export async function seedCases(database: Database, count: number): Promise<{ caseNo: string; phone: string; phone4: string }[]> {
  const { db } = database;
  const townships = await db.selectFrom('orgs').selectAll().where('level', '=', 'township').orderBy('code').execute();
  const user = await db.selectFrom('users').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow();
  const items = await Promise.all(ITEMS.map(async (code) => presentItem((await findItemByCode(db, code))!)));
  const itemIds = await Promise.all(ITEMS.map(async (code) => (await findItemByCode(db, code))!.id));
  const times = await Promise.all(townships.map((t) => centerTime(db, t)));
  const start = Date.parse('2026-01-05T01:00:00Z');
  const span = Date.parse('2026-11-20T08:00:00Z') - start;
  const samples: { caseNo: string; phone: string; phone4: string }[] = [];
  const sameDay = new Map<string, ReturnType<typeof caseOfDay>>();

  let batch: Insertable<CasesTable>[] = [];
  let states: CaseStatesTable[] = [];
  // One transaction per batch: a single one for a million cases grew SQLite's WAL past 5 GB (no checkpoint can
  // run inside it) and took many minutes; a larger page cache while seeding keeps the random-id indexes in memory.
  if (database.dialect === 'sqlite') await sql`pragma cache_size = -1000000`.execute(db);
  {
    const flush = async () => {
      if (batch.length > 0) {
        const [rows, stateRows] = [batch, states];
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('cases').values(rows).execute();
          await trx.insertInto('case_states').values(stateRows).execute();
        });
      }
      batch = [];
      states = [];
    };
    for (let i = 0; i < count; i++) {
      const t = i % 2 === 0 ? 0 : 1 + (i % (townships.length - 1));
      const org = townships[t]!;
      const k = i % items.length;
      const item = items[k]!;
      const now = new Date(start + Math.floor((i / count) * span));
      // The domain's work (deadline, light, the closing actions) is the same for every case of one center, item and
      // day: done once per day and reused, so a million cases seed in minutes. Created_at stays to the millisecond.
      const closed = i < count * 0.9;
      const key = `${t}|${k}|${closed}|${Math.floor((now.getTime() - start) / DAY_MS)}`;
      let made = sameDay.get(key);
      if (!made) {
        if (sameDay.size > 1000) sameDay.clear();
        made = caseOfDay(item, times[t]!, now, closed);
        sameDay.set(key, made);
      }
      const { state, row } = made;
      const phone = `139${String(10_000_000 + i).slice(-8)}`;
      const caseNo = `${org.code}-B${String(i).padStart(7, '0')}`;
      const id = randomUUID();
      states.push({ case_id: id, state });
      batch.push({
        id,
        case_no: caseNo,
        item_id: itemIds[k]!,
        item_code: item.code,
        item_name: item.name,
        channel: 'window',
        receiving_org_id: org.id,
        holder_org_id: org.id,
        transit_org_id: null,
        first_responder_id: user.id,
        applicant_kind: 'person',
        applicant_name: `${SURNAMES[i % SURNAMES.length]}${i}`,
        applicant_id_number: '11010519491231002X',
        applicant_phone: phone,
        applicant_address: null,
        ...row,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        version: 1,
      });
      if (i % 997 === 0) samples.push({ caseNo, phone, phone4: phone.slice(-4) });
      if (batch.length === 500) await flush();
    }
    await flush();
  }
  // back to SQLite's default page cache, which the server runs with
  if (database.dialect === 'sqlite') await sql`pragma cache_size = -2000`.execute(db);
  return samples;
}
