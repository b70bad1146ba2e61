/** After a 督办单's change has committed: tell the bus (ids only), so the tree's card lists and dashboards refetch. */
import { busOf } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';

export function publishCard(ctx: AppContext, cardId: string, orgId: string, action: string): void {
  busOf(ctx).publish({ type: 'card', cardId, orgId, action });
}
