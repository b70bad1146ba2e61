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

/** Below the 60 s most proxies (nginx proxy_read_timeout) allow a silent connection. */
const HEARTBEAT_MS = 25_000;

export function liveRoutes(app: FastifyInstance, ctx: AppContext): void {
  const log = (line: string) => app.log.warn(line);
  // Open streams never end by themselves: end them first, or closing the server would wait for them forever.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  // committed case changes reach the bus through the case events (src/modules/cases/live.ts)
  const unfollow = followCaseEvents(ctx, log);
  app.addHook('onClose', async () => {
    unfollow();
    await closeBus(ctx.database);
  });

  app.get('/api/live', { schema: { tags: ['系统'], summary: '实时推送（SSE：办件变化、亮灯变化，只含编号和状态）' } }, async (request, reply) => {
    const actor = requirePermission(request, 'cases.read');
    let scope: ReadonlySet<string> = await scopeOf(ctx.database.db, actor);
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx: do not buffer this response (the README's example also sets proxy_buffering off)
      'x-accel-buffering': 'no',
    });
    // the browser waits 3 s before reconnecting after a drop
    raw.write('retry: 3000\n\n');

    let open = true;
    const send = (event: LiveEvent) => {
      if (!open) return;
      // an inbox count is its owner's only
      if (event.type === 'inbox' && event.userId !== actor.userId) return;
      if (event.type === 'case') {
        if (!maySeeCase(actor.orgId, scope, { receiving_org_id: event.receivingOrgId, holder_org_id: event.holderOrgId, transit_org_id: event.transitOrgId })) return;
      }
      raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = await busOf(ctx, log).subscribe(send);

    const end = () => {
      if (!open) return;
      open = false;
      streams.delete(end);
      clearInterval(heartbeat);
      unsubscribe();
      raw.end();
    };
    // checked without touching the session: an open console tab must not keep an idle session alive
    const sessionStillLive = async () => {
      const row = await findLiveSession(ctx.database.db, actor.sessionId);
      const now = ctx.clock();
      const idleLimit = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000).toISOString();
      return Boolean(row && toBool(row.active) && row.absolute_expires_at > now.toISOString() && row.last_seen_at >= idleLimit);
    };
    const heartbeat = setInterval(() => {
      void (async () => {
        try {
          if (!(await sessionStillLive())) return end();
          // an org moved in the tree changes what this person may see
          scope = await scopeOf(ctx.database.db, actor);
          if (open) raw.write(': ping\n\n');
        } catch {
          end();
        }
      })();
    }, HEARTBEAT_MS);
    streams.add(end);
    raw.on('close', end);
    raw.on('error', end);
    if (raw.destroyed) return end();
    // subscribed (and, on PostgreSQL, listening): what changes from now on reaches this client
    raw.write('event: ready\ndata: {}\n\n');
  });
}
