/**
 * Server-sent events (text/event-stream) on a hijacked Fastify reply, the one way /api/live and the hall displays
 * stream: the headers a proxy needs (no buffering, no transform), `retry: 3000` so a browser reconnects 3 s after a
 * drop, a heartbeat comment below the 60 s most proxies allow a silent connection, and one `end` that stops it all —
 * when the client goes, when the route decides, or when the server closes (open streams never end by themselves,
 * and closing would wait for them forever). Plain EventSource over HTTP: nothing here needs a secure context.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

const HEARTBEAT_MS = 25_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  readonly open: boolean;
  end(): void;
}

export interface StreamOptions {
  /** Checked before each heartbeat; false (or a throw) ends the stream, e.g. when the session has ended. */
  stillWanted?: () => Promise<boolean>;
  /** Called once when the stream ends, whoever ends it. */
  onEnd?: () => void;
}

/** The streams of one app: each route opens its streams here; all of them end when the server closes. */
export function eventStreams(app: FastifyInstance): (reply: FastifyReply, options?: StreamOptions) => EventStream {
  const ends = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of ends) end();
  });
  return (reply, options = {}) => {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx: do not buffer this response (the README's example also sets proxy_buffering off)
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      ends.delete(end);
      clearInterval(heartbeat);
      options.onEnd?.();
      raw.end();
    };
    const heartbeat = setInterval(() => {
      void (async () => {
        try {
          if (options.stillWanted && !(await options.stillWanted())) return end();
          if (open) raw.write(': ping\n\n');
        } catch {
          end();
        }
      })();
    }, HEARTBEAT_MS);
    ends.add(end);
    raw.on('close', end);
    raw.on('error', end);
    if (raw.destroyed) end();
    return {
      send(event, data) {
        if (open) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      get open() {
        return open;
      },
      end,
    };
  };
}
