/**
 * The one way the three web apps talk to the server: fetch, JSON in and out, the session cookie along, an
 * Idempotency-Key where a submission must not count twice, and every refusal (application/problem+json) thrown as
 * an ApiError carrying the server's Chinese `title` to show as it is and a stable `code` to branch on.
 * No schema library here: the console passes a zod parser (`parse`), the agent app and the public page, which
 * must stay small on village phones, read the answer as the server's declared type (src/domain/contract).
 */

/** One problem of a rejected request, as the server lists it (per field, in Chinese). */
export interface ApiFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: ApiFieldError[];
  /** the request never got a whole answer (no signal, airplane mode, server down, a cut-off reply) */
  readonly network: boolean;
  readonly body: Record<string, unknown>;

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: ApiFieldError[]; network?: boolean; body?: Record<string, unknown> }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.network = init.network ?? false;
    this.body = init.body ?? {};
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
export const isNetworkError = (error: unknown): boolean => isApiError(error) && error.network;

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** POST /api/cases, /api/agents/batches …: the same key sent again is answered with the first result */
  idempotencyKey?: string;
  /** checks the answer (the console's zod schemas); without it the answer is taken as the declared type */
  parse?: (data: unknown) => T;
  /** a 401 is an answer to show (sign-in form, the session check), not a lost session */
  quiet401?: boolean;
}

/** What differs between the apps: their words for a failure without the server's own, and a lost session. */
export interface ClientSettings {
  /** said when the request never reached the server */
  networkTitle: string;
  /** the app's words for an HTTP status the server answered without a problem+json title */
  fallbackTitles?: Partial<Record<number, string>>;
  /** said for a 5xx without a title (whom to call differs: the administrator, the township center) */
  serverTitle?: string;
  /** what a lost session means to the app (back to the sign-in page) */
  onUnauthorized?: () => void;
}

const DEFAULT_TITLES: Record<number, string> = {
  401: '登录已失效，请重新登录。',
  403: '您没有执行此操作的权限。',
  404: '没有找到要查看的内容，请检查后重试。',
  429: '操作过于频繁，请稍等一分钟后再试。',
};

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function fieldErrors(raw: unknown): ApiFieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry): ApiFieldError[] => {
    if (typeof entry === 'string') return [{ path: '', message: entry }];
    if (entry && typeof entry === 'object' && 'message' in entry) {
      const e = entry as { path?: unknown; message?: unknown };
      return [{ path: typeof e.path === 'string' ? e.path : '', message: String(e.message) }];
    }
    return [];
  });
}

export const badResponse = (status: number): ApiError =>
  new ApiError({ status, code: 'BAD_RESPONSE', title: '服务器返回的内容不完整，请刷新页面后重试。', network: true });

/**
 * Makes the client of one app. `problemToError` turns any non-2xx answer into an ApiError (a body
 * that is not problem+json, such as a proxy's error page, still gets a Chinese title); `request` makes one call.
 */
export function createApiClient(settings: ClientSettings) {
  const fallbackTitle = (status: number): string =>
    settings.fallbackTitles?.[status] ??
    DEFAULT_TITLES[status] ??
    (status >= 500
      ? (settings.serverTitle ?? '系统暂时出现问题，请稍后重试；如仍不行请联系系统管理员。')
      : '请求没有完成，请检查填写的内容后重试。');

  function problemToError(status: number, bodyText: string): ApiError {
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = bodyText ? JSON.parse(bodyText) : {};
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      // not JSON (a proxy page, an HTML error): the fallback title says it plainly
    }
    return new ApiError({
      status,
      code: typeof body.code === 'string' ? body.code : `HTTP_${status}`,
      title: typeof body.title === 'string' && body.title ? body.title : fallbackTitle(status),
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: fieldErrors(body.errors),
      body,
    });
  }

  /** A refusal the app must see: a lost session is handed to the app first, unless the caller expects it. */
  function refused(error: ApiError, quiet401 = false): ApiError {
    if (error.status === 401 && !quiet401) settings.onUnauthorized?.();
    return error;
  }

  const networkError = () => new ApiError({ status: 0, code: 'NETWORK_ERROR', title: settings.networkTitle, network: true });

  async function request<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    // a form with files (an online application's materials) goes as multipart, its boundary set by the browser
    const form = typeof FormData !== 'undefined' && options.body instanceof FormData;
    if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(buildUrl(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw badResponse(response.status);
    }
    if (!response.ok) throw refused(problemToError(response.status, text), options.quiet401);
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        throw badResponse(response.status);
      }
    }
    return options.parse ? options.parse(data) : (data as T);
  }

  return { request, problemToError, refused, networkError };
}

export type ApiClient = ReturnType<typeof createApiClient>;
