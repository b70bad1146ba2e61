/**
 * GET /api/hall/display/:orgId/stream — the display screen's server-sent events (issue 12 §2), no session: the
 * screen is in the hall for everyone to see. `event: state` (DisplayState) on connect and after every change of the
 * center's hall (and once a minute, for the notices and the leader on duty), `event: call` on every call and recall,
 * a heartbeat comment line, `retry: 3000`. Fed by the live bus, so on PostgreSQL a call made through any app process
 * reaches every screen. Streams end when the server closes (as /api/live's).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { busOf, type LiveEvent } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';
import { eventStreams } from '../../server/event-stream.js';
import { notFound } from '../../server/errors.js';
import { findOrg } from '../orgs/repo.js';
import { callOf, displayState } from './display.js';

const REFRESH_MS = 60_000;
const CALL_KINDS = new Set(['call', 'call_specific', 'recall']);

export function hallStreamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const log = (line: string) => app.log.warn(line);
  const openStream = eventStreams(app);

  r.get(
    '/api/hall/display/:orgId/stream',
    { schema: { tags: ['大厅'], summary: '大厅显示屏实时推送（SSE，无需登录：event: state 显示屏状态，event: call 叫号，含心跳）', params: z.object({ orgId: z.string().min(1).max(100) }) } },
    async (request, reply) => {
      const { orgId } = request.params;
      if (!(await findOrg(ctx.database.db, orgId))) throw notFound('该中心');
      let unsubscribe = () => {};
      let refresh: ReturnType<typeof setInterval> | undefined = undefined;
      const stream = openStream(reply, {
        onEnd: () => {
          clearInterval(refresh);
          unsubscribe();
        },
      });
      // one state at a time, in order; a burst of changes is answered by one state after it
      let pending: Promise<void> = Promise.resolve();
      let stateQueued = false;
      const sendState = () => {
        if (stateQueued) return;
        stateQueued = true;
        pending = pending.then(async () => {
          stateQueued = false;
          try {
            stream.send('state', await displayState(ctx, orgId, ctx.clock()));
          } catch (error) {
            log(`大厅显示屏状态读取失败：${error instanceof Error ? error.message : String(error)}`);
          }
        });
      };
      const onEvent = (event: LiveEvent) => {
        if (!stream.open) return;
        if (event.type === 'resync') return sendState();
        if (event.type !== 'hall' || event.orgId !== orgId) return;
        if (CALL_KINDS.has(event.kind)) {
          pending = pending.then(async () => {
            try {
              const call = await callOf(ctx, event.ticketId);
              if (call) stream.send('call', { ...call, recall: event.kind === 'recall' });
            } catch (error) {
              log(`大厅叫号推送失败：${error instanceof Error ? error.message : String(error)}`);
            }
          });
        }
        sendState();
      };
      unsubscribe = await busOf(ctx, log).subscribe(onEvent);
      if (!stream.open) return unsubscribe();
      // once a minute anyway: the notices and the leader on duty change without a hall event
      refresh = setInterval(sendState, REFRESH_MS);
      sendState();
    },
  );
}
