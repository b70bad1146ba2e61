import type { CenterTime } from '../../domain/cases/deadlines.js';
import type { Db } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import { centerTime } from './center.js';
import { stateOf, storedLight } from './persist.js';
import * as repo from './repo.js';

const BATCH = 500;

/**
 * The light sweep (DOMAIN.md rule 12): brings the stored light of every case whose light is due to change
 * (`light_changes_at` <= now) up to `now`, and stores when it next changes. Only those cases are read, so a run
 * with nothing due costs one indexed query. Idempotent: running it twice at the same `now` changes nothing the
 * second time. A case written meanwhile (its version moved on) keeps the light its own write stored.
 * `changedIds` collects the cases whose light moved, for the live consoles.
 */
export async function sweepLights(db: Db, now: Date, changedIds: string[] = []): Promise<{ checked: number; changed: number }> {
  const times = new Map<string, CenterTime>();
  const timeOf = async (orgId: string) => {
    let t = times.get(orgId);
    if (!t) {
      t = await centerTime(db, (await findOrg(db, orgId))!);
      times.set(orgId, t);
    }
    return t;
  };
  let checked = 0;
  let changed = 0;
  // In id order after the last one seen: every due case is read once per run, whatever happens to it.
  for (let after = ''; ; ) {
    const rows = await repo.casesWithLightDue(db, now.toISOString(), after, BATCH);
    for (const row of rows) {
      const next = storedLight(stateOf(row), now, await timeOf(row.holder_org_id));
      if (await repo.setLight(db, row.id, row.version, next.light, next.light_changes_at)) {
        checked++;
        if (next.light !== row.light) {
          changed++;
          changedIds.push(row.id);
        }
      }
    }
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  return { checked, changed };
}
