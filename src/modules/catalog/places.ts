/**
 * GET /api/public/items/{code}/places: where the public can do an item — each center that offers it at a level the
 * guide allows, with the center's address, public phone, office hours and the receiving window. Centers' facts
 * only: no staff names, no personal phones.
 */
import { orderPlaces } from '../../domain/catalog/places.js';
import { hoursText } from '../../domain/agents/venue.js';
import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import type { ItemPlaces } from '../../domain/contract/item-places.js';
import { fromJson } from '../../db/portable.js';
import type { OrgLevel } from '../../db/schema.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { officeDayTexts } from '../duty/office-days.js';
import { orgsByIds } from '../orgs/repo.js';
import { getLevelNames } from '../settings/service.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './repo.js';

export async function itemPlaces(ctx: AppContext, code: string): Promise<ItemPlaces> {
  const { db } = ctx.database;
  const item = await repo.findItemByCode(db, code);
  if (!item || item.status !== 'active') throw notFound(`编码为 ${code} 的在用事项`);
  const offerings = await repo.offeringsByItem(db, item.id);
  const [orgs, windows, levelNames] = await Promise.all([
    orgsByIds(db, offerings.map((o) => o.org_id)),
    windowsByIds(db, offerings.map((o) => o.window_id)),
    getLevelNames(db),
  ]);
  const parents = await orgsByIds(db, [...orgs.values()].map((o) => o.parent_id));
  const officeDays = await officeDayTexts(db, [...orgs.values()].filter((o) => o.level === 'village').map((o) => o.id));
  const candidates = offerings.flatMap((o) => {
    const org = orgs.get(o.org_id);
    return org ? [{ orgId: org.id, parentId: org.parent_id, level: org.level, code: org.code, org, windowId: o.window_id }] : [];
  });
  const places = orderPlaces(candidates, fromJson<OrgLevel[]>(item.accept_levels, [])).map(({ org, windowId }) => {
    const hours = fromJson<OfficeHours | null>(org.office_hours, null);
    const window = windowId ? windows.get(windowId) : undefined;
    return {
      orgId: org.id,
      level: org.level,
      levelName: levelNames[org.level],
      centerName: org.center_name,
      parentName: org.level === 'village' ? (parents.get(org.parent_id ?? '')?.center_name ?? null) : null,
      // a window closed since (停用) is no door to send anyone to
      window: window && window.active ? window.name : null,
      address: org.address,
      phone: org.phone,
      officeHours: hours,
      hoursText: hoursText(hours),
      officeDay: officeDays.get(org.id) ?? null,
    };
  });
  return { itemCode: item.code, itemName: item.name, places };
}
