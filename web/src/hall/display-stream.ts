/**
 * The display screen's live feed: GET /api/hall/display/<orgId>/stream (server-sent events, no session). The
 * server sends `state` on connect and after every change of the center, `call` on each call and recall. An
 * EventSource reconnects by itself after a cut (the server's `retry: 3000`); when it gives up (the server or a proxy
 * answered with an error) a new one is built a little later. While it is cut the screen says so.
 */
import { useEffect, useRef, useState } from 'react';
import { displayStreamUrl, type DisplayState, type HallCall } from './hall-api';

/** after the browser gave the stream up (CLOSED), build a new one this much later */
const REBUILD_MS = 5_000;

export type Connection = 'connecting' | 'open' | 'cut';

export function useDisplayStream(orgId: string, onCall: (call: HallCall) => void): { state: DisplayState | null; connection: Connection } {
  const [state, setState] = useState<DisplayState | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const callRef = useRef(onCall);
  callRef.current = onCall;

  useEffect(() => {
    let source: EventSource | null = null;
    let rebuild: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      source = new EventSource(displayStreamUrl(orgId));
      source.onopen = () => setConnection('open');
      source.addEventListener('state', (message) => {
        try {
          setState(JSON.parse((message as MessageEvent<string>).data) as DisplayState);
          setConnection('open');
        } catch {
          // a broken line: the next state brings it
        }
      });
      source.addEventListener('call', (message) => {
        try {
          callRef.current(JSON.parse((message as MessageEvent<string>).data) as HallCall);
        } catch {
          // a broken line: the state that follows every call still shows it
        }
      });
      source.onerror = () => {
        if (stopped) return;
        setConnection('cut');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          clearTimeout(rebuild);
          rebuild = setTimeout(connect, REBUILD_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(rebuild);
      source?.close();
    };
  }, [orgId]);

  return { state, connection };
}
