/**
 * Rule 11 in data: when a center cannot take a request, where the applicant can — the nearest center above it that
 * offers the item at a level the guide allows, with its window, address, phone and office hours. The choice is the
 * domain's (placeToApply); this only reads the org tree, the windows and the offerings.
 */
import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import { placeToApply, type CenterAbove, type Venue } from '../../domain/village/venue.js';
import { fromJson } from '../../db/portable.js';
import type { OrgLevel, OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { listOrgs } from '../orgs/repo.js';
import { offeringsOfItem } from './repo.js';

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
