/** GET /open311/v2/services/{service_code}.{xml,json}: what an online application of the item needs. */
import { serviceDefinitionOf } from '../../domain/open311/services.js';
import type { AppContext } from '../../server/context.js';
import { centersOffering, onlineService } from './catalog-services.js';
import { unknownService } from './errors.js';
import { checkJurisdiction, countyOrg } from './jurisdiction.js';

export async function serviceDefinition(ctx: AppContext, code: string, jurisdictionId: string | undefined) {
  const { db } = ctx.database;
  await checkJurisdiction(ctx, await countyOrg(db), jurisdictionId);
  // item codes are upper case (MZ-003); a client that lower-cased one still finds it
  const item = await onlineService(db, code.trim().toUpperCase());
  if (!item) throw unknownService(code);
  return serviceDefinitionOf(item, (await centersOffering(db, item.id)).map(({ key, name }) => ({ key, name })));
}
