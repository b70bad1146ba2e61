/**
 * The one jurisdiction this server serves, for the optional `jurisdiction_id` of GeoReport v2 ("only required if the
 * endpoint serves multiple jurisdictions"). Known names: the county's organisation code and the host of the
 * configured public address (`bianmin.example.gov.cn`, as the specification's examples use a domain). Anything else
 * is 404 "jurisdiction_id provided was not found".
 */
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { listOrgs } from '../orgs/repo.js';
import { publicUrlOf } from '../settings/service.js';
import { unknownJurisdiction } from './errors.js';

/** The county at the top of the tree: the center that runs the server. */
export async function countyOrg(db: Db): Promise<OrgsTable> {
  const orgs = await listOrgs(db);
  const county = orgs.find((o) => o.parent_id === null);
  if (!county) throw new Error('open311: the organisation tree has no county at its top');
  return county;
}

export async function checkJurisdiction(ctx: AppContext, county: OrgsTable, id: string | undefined): Promise<void> {
  if (id === undefined || id.trim() === '') return;
  const wanted = id.trim().toLowerCase();
  const known = [county.code.toLowerCase()];
  const { url } = await publicUrlOf(ctx.database.db, ctx.config);
  if (url) known.push(new URL(url).host.toLowerCase(), new URL(url).hostname.toLowerCase());
  if (!known.includes(wanted)) throw unknownJurisdiction(id.trim());
}
