/** GET /open311/v2/services.{xml,json}: the items that allow online application, a page of them. */
import { serviceOf } from '../../domain/open311/services.js';
import type { AppContext } from '../../server/context.js';
import { onlineServices } from './catalog-services.js';
import { checkJurisdiction, countyOrg } from './jurisdiction.js';

export interface Page {
  page: number;
  pageSize: number;
}

export async function serviceList(ctx: AppContext, query: { jurisdictionId?: string | undefined } & Page) {
  const { db } = ctx.database;
  await checkJurisdiction(ctx, await countyOrg(db), query.jurisdictionId);
  const { items } = await onlineServices(db);
  const start = (query.page - 1) * query.pageSize;
  return { services: items.slice(start, start + query.pageSize).map(serviceOf), total: items.length };
}
