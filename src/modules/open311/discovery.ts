/** GET /open311/v2/discovery.{xml,json}: contact, how to get a key, the endpoint at the configured public address. */
import { discoveryOf } from '../../domain/open311/discovery.js';
import { isoWithOffset } from '../../domain/open311/time.js';
import type { AppContext } from '../../server/context.js';
import { publicUrlOf, supervisionPhoneOf } from '../settings/service.js';
import { onlineServices } from './catalog-services.js';
import { noPublicUrl } from './errors.js';
import { countyOrg } from './jurisdiction.js';

export async function discovery(ctx: AppContext) {
  const { db } = ctx.database;
  // the address a third party can reach: PUBLIC_URL or the settings page, never the Host a request came with
  const { url } = await publicUrlOf(db, ctx.config);
  if (!url) throw noPublicUrl();
  const county = await countyOrg(db);
  const { changedAt } = await onlineServices(db);
  const endpointChanged = changedAt ?? county.created_at;
  // the document changes with the endpoint and with the county center's contact details
  const documentChanged = county.updated_at > endpointChanged ? county.updated_at : endpointChanged;
  const at = (iso: string) => isoWithOffset(new Date(iso), county.time_zone);
  return discoveryOf({
    center: { name: county.center_name, address: county.address, phone: county.phone },
    supervisionPhone: await supervisionPhoneOf(db),
    publicUrl: url,
    changeset: at(documentChanged),
    endpointChangeset: at(endpointChanged),
  });
}
