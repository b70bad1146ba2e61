/** After a 监察记录 change has committed: tell the bus (the center only), so the tree's counts and lists refetch. */
import { busOf, type ViolationEvent } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';

export function publishViolations(ctx: AppContext, orgIds: Iterable<string>, action: ViolationEvent['action']): void {
  for (const orgId of new Set(orgIds)) busOf(ctx).publish({ type: 'violation', orgId, action });
}
