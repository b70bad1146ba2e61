/**
 * The agent console's way to the server: the shared client (web/src/shared/api-client.ts) with the agent's words.
 * No schema library on this page, to stay small on the agents' phones: answers are typed by the server's contract
 * (src/domain/contract) and checked by hand where a wrong shape would hurt.
 */
import { ApiError, createApiClient, isApiError, type RequestOptions } from '@shared/api-client';

/** A refusal or a failure to reach the server, with the Chinese `title` to show as it is. */
export { isApiError as isProblem, isNetworkError as isNetworkProblem } from '@shared/api-client';

/** What to tell the agent about any failure: the server's own words, or a plain fallback. */
export function problemText(error: unknown): string {
  if (isApiError(error)) return error.title;
  return '操作没有完成，请稍后再试。';
}

/**
 * The case moved on since the page was shown: someone else's step (VERSION_CONFLICT), or this phone's own step
 * pressed again with other details after its first answer was lost (IDEMPOTENCY_KEY_REUSED). Either way the page
 * is read again, not shown an error.
 */
export const changedMeanwhile = (error: unknown): boolean =>
  isApiError(error) && (error.code === 'VERSION_CONFLICT' || error.code === 'IDEMPOTENCY_KEY_REUSED');

/** A step whose answer never came back may still have reached the server: pressed again, it is not done twice (actOn). */
export const STEP_MAYBE_SENT = '网络连接失败，这一步可能没有提交成功。请恢复网络后再点一次（不会重复办理）。';

let onSessionLost: (() => void) | null = null;

/** The app decides what a lost session means (it shows the sign-in form again). */
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

const client = createApiClient({
  networkTitle: '网络连接失败，请检查手机网络后再试。',
  serverTitle: '系统暂时出现问题，请稍后再试；如仍不行请联系乡镇便民服务中心。',
  onUnauthorized: () => onSessionLost?.(),
});

export type CallOptions = Pick<RequestOptions<unknown>, 'body' | 'idempotencyKey' | 'quiet401' | 'signal'> & { method?: 'GET' | 'POST' };

export const api = <T>(path: string, init: CallOptions = {}): Promise<T> => client.request<T>(path, init);

/** Checks that an answer carries the list it should; a missing list means the page cannot show anything true. */
export function listOf<T>(value: unknown, what: string): T[] {
  if (Array.isArray(value)) return value as T[];
  throw new ApiError({ status: 200, code: 'BAD_RESPONSE', title: `服务器返回的${what}格式不正确，请刷新页面后再试；如仍不行请联系乡镇便民服务中心。` });
}

/** A fresh random key for one submission: safe on plain HTTP (see the shared helper). */
export { newIdempotencyKey as newKey } from '@shared/idempotency-key';
