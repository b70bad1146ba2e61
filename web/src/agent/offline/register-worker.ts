/**
 * The only file of the web apps that touches navigator.serviceWorker (eslint.config.js makes this one exception).
 * Centers reach the server over plain HTTP, where service workers do not exist; so the worker
 * (web/public/agent-sw.js) is registered only where window.isSecureContext says the page is HTTPS or localhost,
 * and everywhere else the agent app keeps drafts as before. Here: registration, and the worker's lines about its
 * queue of registrations made with no network (待上传), which the worker words and the page only lays out.
 */
import { useSyncExternalStore } from 'react';
import { casesChanged } from '../ui';

/** One registration in the worker's queue: waiting (blue), refused by the server (red) or gone through (green). */
export interface QueueLine {
  key: string;
  name: string;
  itemCode: string;
  tag: string;
  tone: 'blue' | 'red' | 'green';
  note: string;
}

let lines: QueueLine[] = [];
const listeners = new Set<() => void>();
const worker = () => (window.isSecureContext ? navigator.serviceWorker : undefined);

/** The worker controls this page, so a registration made with no network waits in its queue. */
export const canQueue = () => Boolean(worker()?.controller);
/** 'flush': send what waits now (the network is back); 'dismiss': the agent has read the line. */
export const tellWorker = (type: 'flush' | 'dismiss', key?: string) => worker()?.controller?.postMessage({ type, key });

export function startOffline(): void {
  const sw = worker();
  if (!sw) return;
  sw.addEventListener('message', ({ data }: MessageEvent<QueueLine[]>) => {
    lines = data;
    casesChanged();
    listeners.forEach((listener) => listener());
  });
  // the worker hears of no `online` event; it sends the queue itself when the app opens or signs in (GET /api/auth/me)
  window.addEventListener('online', () => tellWorker('flush'));
  // a failed registration (no network on the first visit) leaves the app as it is over HTTP; the next visit tries again
  sw.register('/agent-sw.js', { scope: '/agent' }).catch(() => undefined);
}

const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));
export const useQueue = () => useSyncExternalStore(subscribe, () => lines);
