/**
 * The one request of the public progress page: GET /api/public/progress (no session), through the shared client.
 * The answer has the server's declared shape (src/domain/contract/progress.ts, checked on the server before it
 * leaves); this page carries no schema library, to stay small on old phones, and only checks the parts it reads.
 */
import type { Progress } from '@domain/contract/progress';
import { createApiClient, isApiError } from '@shared/api-client';

export type { Progress };

export type ProgressAnswer =
  | { kind: 'found'; progress: Progress }
  | { kind: 'not-found' }
  | { kind: 'too-many' }
  | { kind: 'network' }
  | { kind: 'server' };

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

const looksRight = (data: unknown): data is Progress => {
  const d = (data ?? {}) as Partial<Progress>;
  return typeof d.caseNo === 'string' && typeof d.itemName === 'string' && typeof d.statusName === 'string' && Array.isArray(d.timeline);
};

export async function getProgress(caseNo: string, phone4: string): Promise<ProgressAnswer> {
  try {
    const progress = await client.request<unknown>('/public/progress', { query: { caseNo, phone4 }, quiet401: true });
    return looksRight(progress) ? { kind: 'found', progress } : { kind: 'server' };
  } catch (error) {
    if (!isApiError(error) || error.network) return { kind: 'network' };
    // A wrong number format is answered 400: for the villager it is the same as a number that does not exist.
    if (error.status === 404 || error.status === 400) return { kind: 'not-found' };
    if (error.status === 429) return { kind: 'too-many' };
    return { kind: 'server' };
  }
}
