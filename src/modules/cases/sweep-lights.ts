import { randomUUID } from 'node:crypto';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import type { Light } from '../../domain/cases/light.js';
import { lightWarnings, warnedLight } from '../../domain/notifications/case-messages.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { appendCaseEvent } from '../events/repo.js';
import { enqueue } from '../notifications/outbox.js';
import { recipientFinder } from '../notifications/recipients.js';
import { findOrg } from '../orgs/repo.js';
import { centerTime } from './center.js';
import { stateOf, storedLight } from './persist.js';
import * as repo from './repo.js';

const BATCH = 500;

/** The event a case gets when its light turns yellow or red by itself (not on the public progress page). */
export const LIGHT_CHANGED = 'light-changed';

/**
 * The light sweep (DOMAIN.md rule 12): brings the stored light of every case whose light is due to change
 * (`light_changes_at` <= now) up to `now`, and stores when it next changes. Only those cases are read, so a run
 * with nothing due costs one indexed query. Idempotent: running it twice at the same `now` changes nothing the
 * second time. A case written meanwhile (its version moved on) keeps the light its own write stored.
 *
 * A case turning yellow or red is warned about (DOMAIN.md "Electronic supervision"): in one transaction per case,
 * the light, a `light-changed` event ({ from, to, changedAt }) and the warnings to the responsible clerk and the
 * director(s) of the holding center (src/modules/notifications/recipients.ts) in the outbox, once per change — the
 * warnings' key names the light and the instant it changed, so a second sweep, or a second process, adds nothing.
 * The event reaches the live consoles through the case events; `changedIds` collects the cases whose light moved
 * WITHOUT an event (back to green, or unknown), for the job to publish itself.
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
      const turned = warnedLight(row.light, next.light);
      if (turned) {
        const written = await db.transaction().execute((trx) => warn(trx, row, next, turned, now));
        if (written) {
          checked++;
          changed++;
        }
        continue;
      }
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

/**
 * One case turning yellow or red: the light (only if the case is still at the version and light it was read at —
 * else another write or another sweep got there first and this one writes nothing), its event and its warnings.
 */
async function warn(
  trx: Db,
  row: { id: string; version: number; light: Light | null },
  next: { light: Light | null; light_changes_at: string | null },
  light: 'yellow' | 'red',
  now: Date,
): Promise<boolean> {
  const c = await repo.findCase(trx, row.id);
  if (!c || c.version !== row.version || c.light !== row.light) return false;
  const moved = await trx
    .updateTable('cases')
    .set({ light: next.light, light_changes_at: next.light_changes_at })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('light', row.light === null ? 'is' : '=', row.light)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return false;
  // the instant the light was due to change: the same for every sweep that sees this change
  const changedAt = c.light_changes_at ?? now.toISOString();
  await appendCaseEvent(trx, {
    id: randomUUID(),
    case_id: c.id,
    at: now.toISOString(),
    type: LIGHT_CHANGED,
    by_user_id: null,
    org_id: c.holder_org_id,
    from_status: c.status,
    to_status: c.status,
    data: toJson({ from: row.light, to: light, changedAt }),
  });
  const holder = (await findOrg(trx, c.holder_org_id))!;
  const recipients = await recipientFinder(trx)({ holderOrgId: c.holder_org_id, windowId: c.window_id, firstResponderId: c.first_responder_id });
  const facts = { caseId: c.id, caseNo: c.case_no, itemName: c.item_name, centerName: holder.center_name, dueAt: c.due_at, timeZone: holder.time_zone };
  await enqueue(trx, lightWarnings(facts, light, changedAt, recipients), now);
  return true;
}
