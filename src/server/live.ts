/**
 * GET /api/live — server-sent events for the signed-in console (ARCHITECTURE.md "Live updates"). Each connection
 * receives only the changes of cases its person may see (the rule of src/modules/cases/access.ts, checked against
 * the person's scope held for the connection), a comment line as heartbeat so proxies and NAT boxes keep the
 * connection open, and ends itself when the session has ended (signed out, idle, expired) — the browser's
 * EventSource then reconnects, is refused, and the console stops listening. Plain EventSource over HTTP: nothing
 * here needs a secure context.
 */
import type { FastifyInstance } from 'fastify';
import { toBool } from '../db/portable.js';
import { findLiveSession } from '../modules/auth/repo.js';
import { maySeeCase } from '../modules/cases/access.js';
import { followCaseEvents } from '../modules/cases/live.js';
import { scopeOf } from '../modules/orgs/service.js';
import { requirePermission } from './authenticate.js';
import { busOf, closeBus, type LiveEvent } from './bus.js';
import type { AppContext } from './context.js';
import { eventStreams } from './event-stream.js';

export function liveRoutes(app: FastifyInstance, ctx: AppContext): void {
  const log = (line: string) => app.log.warn(line);
  const openStream = eventStreams(app);
  // committed case changes reach the bus through the case events (src/modules/cases/live.ts)
  const unfollow = followCaseEvents(ctx, log);
  app.addHook('onClose', async () => {
    unfollow();
    await closeBus(ctx.database);
  });

  app.get('/api/live', { schema: { tags: ['系统'], summary: '实时推送（SSE：办件变化、亮灯变化、督办单、大厅排队、预约、监察记录，只含编号和状态）' } }, async (request, reply) => {
    const actor = requirePermission(request, 'cases.read');
    let scope: ReadonlySet<string> = await scopeOf(ctx.database.db, actor);
    // checked without touching the session: an open console tab must not keep an idle session alive
    const sessionStillLive = async () => {
      const row = await findLiveSession(ctx.database.db, actor.sessionId);
      const now = ctx.clock();
      const idleLimit = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000).toISOString();
      const live = Boolean(row && toBool(row.active) && row.absolute_expires_at > now.toISOString() && row.last_seen_at >= idleLimit);
      // an org moved in the tree changes what this person may see
      if (live) scope = await scopeOf(ctx.database.db, actor);
      return live;
    };
    let unsubscribe = () => {};
    const stream = openStream(reply, { stillWanted: sessionStillLive, onEnd: () => unsubscribe() });
    const send = (event: LiveEvent) => {
      // an inbox count is its owner's only
      if (event.type === 'inbox' && event.userId !== actor.userId) return;
      // a 督办单, a hall's queue, a booking or a 监察记录 of a center outside this person's tree
      if ((event.type === 'card' || event.type === 'hall' || event.type === 'appointment' || event.type === 'violation') && !scope.has(event.orgId)) return;
      if (event.type === 'case') {
        if (!maySeeCase(actor.orgId, scope, { receiving_org_id: event.receivingOrgId, holder_org_id: event.holderOrgId, transit_org_id: event.transitOrgId })) return;
      }
      stream.send(event.type, event);
    };
    unsubscribe = await busOf(ctx, log).subscribe(send);
    if (!stream.open) return unsubscribe();
    // subscribed (and, on PostgreSQL, listening): what changes from now on reaches this client
    stream.send('ready', {});
  });
}
