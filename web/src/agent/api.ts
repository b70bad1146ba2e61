/**
 * The agent console's only way to the server: plain fetch, JSON in and out, and every refusal turned into a
 * Problem carrying the server's Chinese `title` (application/problem+json) to show as it is. No schema library
 * on this page, to stay small on the agents' phones; answers are checked by hand where a wrong shape would hurt.
 */

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  /** the request never reached the server (no signal, airplane mode, server down) */
  readonly network: boolean;
  readonly body: Record<string, unknown>;

  constructor(init: { status: number; code: string; title: string; network?: boolean; body?: Record<string, unknown> }) {
    super(init.title);
    this.name = 'Problem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.network = init.network ?? false;
    this.body = init.body ?? {};
  }
}

export const isProblem = (error: unknown): error is Problem => error instanceof Problem;
export const isNetworkProblem = (error: unknown): boolean => isProblem(error) && error.network;

/** What to tell the agent about any failure: the server's own words, or a plain fallback. */
export function problemText(error: unknown): string {
  if (isProblem(error)) return error.title;
  return '操作没有完成，请稍后再试。';
}

const FALLBACK: Record<number, string> = {
  401: '登录已失效，请重新登录。',
  403: '您没有办理这项业务的权限。',
  404: '没有找到要查看的内容，可能已被删除或编号有误。',
  409: '这件办件刚刚被别人办理过，页面已刷新为最新情况，请核对后再操作。',
  429: '操作过于频繁，请稍等一分钟后再试。',
};

function fallbackTitle(status: number): string {
  if (FALLBACK[status]) return FALLBACK[status];
  if (status >= 500) return '系统暂时出现问题，请稍后再试；如仍不行请联系乡镇便民服务中心。';
  return '提交没有成功，请检查填写的内容后再试。';
}

let onSessionLost: (() => void) | null = null;

/** The app decides what a lost session means (it shows the sign-in form again). */
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** POST /api/cases and /api/agents/batches: the same key sent again is answered with the first result */
  idempotencyKey?: string;
  /** a 401 is an answer to show (sign-in, the session check), not a lost session */
  quiet401?: boolean;
}

export async function api<T>(path: string, init: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.idempotencyKey) headers['Idempotency-Key'] = init.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new Problem({ status: 0, code: 'NETWORK_ERROR', title: '网络连接失败，请检查手机网络后再试。', network: true });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      // not JSON (a proxy's error page): the fallback title says it plainly
    }
    if (response.status === 401 && !init.quiet401) onSessionLost?.();
    throw new Problem({
      status: response.status,
      code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      title: typeof body.title === 'string' && body.title ? body.title : fallbackTitle(response.status),
      body,
    });
  }
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Problem({ status: response.status, code: 'BAD_RESPONSE', title: '服务器返回的内容不完整，请刷新页面后再试。', network: true });
  }
}

/** Checks that an answer carries the list it should; a missing list means the page cannot show anything true. */
export function listOf<T>(value: unknown, what: string): T[] {
  if (Array.isArray(value)) return value as T[];
  throw new Problem({ status: 200, code: 'BAD_RESPONSE', title: `服务器返回的${what}格式不正确，请刷新页面后再试；如仍不行请联系乡镇便民服务中心。` });
}

/** A fresh random key for one submission: safe on plain HTTP (see the shared helper). */
export { newIdempotencyKey as newKey } from '@shared/idempotency-key';
