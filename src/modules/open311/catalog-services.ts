/** The catalog items an Open311 client sees: active, allowing online application (through the catalog module). */
import type { CatalogItem } from '../../domain/catalog/item.js';
import type { Db } from '../../server/context.js';
import { presentItem } from '../catalog/presenter.js';
import type { ServiceCenter } from '../../domain/open311/services.js';
import { findItemByCode, listItems, offeringsByItem } from '../catalog/repo.js';
import { orgsByIds } from '../orgs/repo.js';

export interface ServiceCatalog {
  items: CatalogItem[];
  /** the catalog's last change (any item, retired ones too): the endpoint's changeset */
  changedAt: string | null;
}

export async function onlineServices(db: Db): Promise<ServiceCatalog> {
  const rows = await listItems(db, { status: 'all' });
  const changedAt = rows.reduce<string | null>((latest, r) => (latest === null || r.updated_at > latest ? r.updated_at : latest), null);
  const items = rows.map(presentItem).filter((item) => item.status === 'active' && item.onlineAllowed);
  return { items, changedAt };
}

/** The item of a service code if it is an Open311 service (active, online application allowed), else null. */
export async function onlineService(db: Db, code: string): Promise<(CatalogItem & { id: string }) | null> {
  const row = await findItemByCode(db, code);
  if (!row) return null;
  const item = presentItem(row);
  return item.status === 'active' && item.onlineAllowed ? { ...item, id: row.id } : null;
}

/** The centers (not villages) offering a service, by organisation code: the values of its CENTER attribute. */
export async function centersOffering(db: Db, itemId: string): Promise<(ServiceCenter & { orgId: string })[]> {
  const offerings = await offeringsByItem(db, itemId);
  const orgs = await orgsByIds(db, offerings.map((o) => o.org_id));
  return [...orgs.values()]
    .filter((o) => o.level !== 'village')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((o) => ({ key: o.code, name: o.center_name, orgId: o.id }));
}
