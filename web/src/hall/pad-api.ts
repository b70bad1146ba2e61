/**
 * What the rating pad asks the server. The pad is a device, not a staff session: every request carries its
 * registration code in the X-Pad-Token header (kept in this browser), never in a URL. The live offers come over
 * server-sent events read with fetch, so the header goes along (EventSource cannot send one). Nothing here needs a
 * secure context: the hall's LAN is plain HTTP.
 */
import type { Level } from '@domain/evaluation/levels';
import { buildUrl, createApiClient } from '@shared/api-client';

const KEY = 'bianmin.ratingPad.code';

export const storedCode = (): string | null => {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
};
export const storeCode = (code: string | null) => {
  try {
    if (code) window.localStorage.setItem(KEY, code);
    else window.localStorage.removeItem(KEY);
  } catch {
    // a browser without storage asks for the code again after a reload
  }
};

const client = createApiClient({ networkTitle: '网络连接中断，正在重新连接…' });

export interface PadInfo {
  id: string;
  name: string;
  centerName: string;
  windowId: string;
  windowName: string;
}

export interface Offer {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  completedAt: string;
}

const headers = (code: string) => ({ 'X-Pad-Token': code });

export const fetchPad = (code: string) => client.request<PadInfo>('/hall/pad', { headers: headers(code), quiet401: true });

export const fetchOffer = (code: string, caseId?: string) =>
  client.request<{ offer: Offer | null }>('/hall/pad/offer', { headers: headers(code), query: { caseId }, quiet401: true });

export const sendRating = (code: string, caseId: string, level: Level) =>
  client.request<{ id: string; levelName: string }>('/hall/pad/ratings', { method: 'POST', headers: headers(code), body: { caseId, level }, quiet401: true });

/**
 * Listens to the pad's stream until `signal` aborts; calls `onOffer` with each case finished at the window and
 * `onOpen` when (re)connected. Reconnects after 3 s when the connection drops.
 */
export async function listen(code: string, signal: AbortSignal, onOffer: (caseId: string) => void, onOpen: () => void): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch(buildUrl('/hall/pad/stream'), { headers: { ...headers(code), Accept: 'text/event-stream' }, signal });
      if (response.ok && response.body) {
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === 'ready' || event === 'resync') onOpen();
            if (event === 'offer' && data) {
              try {
                onOffer((JSON.parse(data) as { caseId: string }).caseId);
              } catch {
                // a broken line: the next offer or the poll brings it
              }
            }
          }
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}
