/** After a hall change has committed: tell the bus (ids only), so every display and clerk page refetches. */
import { busOf } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';

export function publishHall(ctx: AppContext, orgId: string, ticketId: string, kind: string): void {
  busOf(ctx).publish({ type: 'hall', orgId, ticketId, kind });
}

/** The phone's live-position page at the deployment's public address (the QR code on the paper ticket). */
export const positionUrlAt = (publicUrl: string | null, token: string): string | null =>
  publicUrl ? `${publicUrl.replace(/\/+$/, '')}/hall/ticket/${encodeURIComponent(token)}` : null;

/** The phone's take-a-number page of a center at the deployment's public address (for a poster in the hall). */
export const takeUrlAt = (publicUrl: string | null, orgId: string): string | null =>
  publicUrl ? `${publicUrl.replace(/\/+$/, '')}/hall/take/${encodeURIComponent(orgId)}` : null;
