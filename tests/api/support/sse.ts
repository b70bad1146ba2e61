import http from 'node:http';

export interface SseMessage {
  event: string;
  data: string;
  json<T = Record<string, unknown>>(): T;
}

export interface SseClient {
  status: number;
  /** The body of a refused connection (problem+json). */
  body: string;
  /** The message that said the stream is subscribed (`ready` of /api/live, the first `state` of a hall display). */
  first: SseMessage | null;
  /** The next message (of the given event type), in the order the server sent them; waits for it. */
  next(event?: string): Promise<SseMessage>;
  close(): void;
}

/**
 * A live client of an event stream on a listening server (GET /api/live unless `path` says otherwise), as a browser's
 * EventSource would be: resolves once the server sent `readyEvent` (subscribed), so what changes afterwards is
 * certain to reach it.
 */
export function openSse(baseUrl: string, cookie?: string, { path = '/api/live', readyEvent = 'ready' }: { path?: string; readyEvent?: string } = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const queue: SseMessage[] = [];
    const waiters: { event: string | undefined; resolve: (m: SseMessage) => void }[] = [];
    // In order; messages of other types before the one asked for are passed over, as an EventSource without a
    // handler for them would.
    const take = () => {
      while (waiters.length > 0) {
        const waiter = waiters[0]!;
        let m = queue.shift();
        while (m && waiter.event !== undefined && m.event !== waiter.event) m = queue.shift();
        if (!m) return;
        waiters.shift();
        waiter.resolve(m);
      }
    };
    const request = http.get(`${baseUrl}${path}`, { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } }, (res) => {
      const client: SseClient = {
        status: res.statusCode ?? 0,
        body: '',
        first: null,
        next: (event) => new Promise((r) => {
          waiters.push({ event, resolve: r });
          take();
        }),
        close: () => request.destroy(),
      };
      res.setEncoding('utf8');
      if (res.statusCode !== 200) {
        res.on('data', (chunk: string) => (client.body += chunk));
        res.on('end', () => resolve(client));
        return;
      }
      let buffer = '';
      let ready = false;
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue; // comments (heartbeats) and the retry line
          const text = data.join('\n');
          const message: SseMessage = { event, data: text, json: () => JSON.parse(text) };
          if (event === readyEvent && !ready) {
            ready = true;
            client.first = message;
            resolve(client);
            continue;
          }
          queue.push(message);
        }
        take();
      });
    });
    request.on('error', (error) => {
      if (!('code' in error && error.code === 'ECONNRESET')) reject(error);
    });
  });
}
