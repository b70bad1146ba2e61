/**
 * Rule 11 in data: when a center cannot take a request, where the applicant can — the nearest center above it that
 * offers the item at a level the guide allows, with its window, address, phone and office hours. The choice is the
 * domain's (placeToApply); this only reads the org tree, the windows and the offerings.
 */
import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import { mustComeInPerson } from '../../domain/cases/presence.js';
import { DomainError } from '../../domain/errors.js';
import { hoursText, notHereText, placeToApply, type CenterAbove, type Venue } from '../../domain/agents/venue.js';
import { fromJson } from '../../db/portable.js';
import type { OrgLevel, OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { actorOrg } from '../cases/access.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemByCode, findOffering } from '../catalog/repo.js';
import { listOrgs } from '../orgs/repo.js';
import { getLevelNames } from '../settings/service.js';
import { offeringsOfItem } from '../catalog/repo.js';

export async function placeToApplyFor(
  db: Db,
  org: Pick<OrgsTable, 'id' | 'parent_id'>,
  item: { id: string; window: string; acceptLevels: readonly OrgLevel[] },
): Promise<Venue | null> {
  const byId = new Map((await listOrgs(db)).map((o) => [o.id, o]));
  const above: OrgsTable[] = [];
  for (let next = org.parent_id ? byId.get(org.parent_id) : undefined; next; next = next.parent_id ? byId.get(next.parent_id) : undefined) {
    above.push(next);
  }
  const offered = new Map((await offeringsOfItem(db, above.map((o) => o.id), item.id)).map((r) => [r.org_id, r.window_name]));
  const centers: CenterAbove[] = above.map((o) => ({
    level: o.level,
    centerName: o.center_name,
    address: o.address,
    phone: o.phone,
    hours: fromJson<OfficeHours | null>(o.office_hours, null),
    offers: offered.has(o.id),
    offeringWindow: offered.get(o.id) ?? null,
  }));
  return placeToApply(item, centers);
}

/**
 * GET /api/agents/where-to-apply: before anything is typed in, whether the asking center can take the item and, if
 * not, where the applicant must go — the same place a refused registration names (register-case.ts), so the agent's
 * phone and the server never send a villager to two different doors.
 */
export async function whereToApply(ctx: AppContext, actor: Actor, itemCode: string) {
  const db = ctx.database.db;
  const org = await actorOrg(db, actor);
  const row = await findItemByCode(db, itemCode);
  if (!row || row.status !== 'active') throw new DomainError('ITEM_NOT_FOUND', `没有编码为 ${itemCode} 的在用事项，请从事项目录中选择。`, undefined, 404);
  const item = presentItem(row);
  const acceptLevels = item.acceptLevels as OrgLevel[];
  // offered (可办事项) and allowed by the guide at this level: what registration itself demands
  const offeredHere = acceptLevels.includes(org.level) && (await findOffering(db, org.id, row.id)) !== undefined;
  const inPerson = mustComeInPerson(item);
  if (offeredHere) return { itemCode: item.code, itemName: item.name, offeredHere, inPerson, venue: null, text: null };
  const venue = await placeToApplyFor(db, org, { id: row.id, window: item.window, acceptLevels });
  const levelName = (await getLevelNames(db))[org.level];
  return {
    itemCode: item.code,
    itemName: item.name,
    offeredHere,
    inPerson,
    venue: venue && { ...venue, hoursText: hoursText(venue.hours) },
    text: notHereText({ levelName, itemName: item.name, inPerson, venue }),
  };
}
