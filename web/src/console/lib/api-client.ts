import type { z } from 'zod';

/** One problem of a rejected request, as the server lists it (per field, in Chinese). */
export interface ApiFieldError {
  path: string;
  message: string;
}

/**
 * A request the server refused, carrying its application/problem+json: a Chinese `title` to show as it is,
 * a stable `code` to branch on and, for bad input, the list of problems.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: ApiFieldError[];
  readonly body: Record<string, unknown>;

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: ApiFieldError[]; body?: Record<string, unknown> }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.body = init.body ?? {};
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Someone else saved the row first (optimistic concurrency, `expectedVersion`). */
export const isVersionConflict = (error: unknown): boolean => isApiError(error) && error.code === 'VERSION_CONFLICT';

let onUnauthorized: (() => void) | null = null;

/** The app decides what a lost session means (it sends the user to the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** A 401 is an answer to show (sign-in form, the session check), not a reason to leave the page. */
  skipAuthRedirect?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function normaliseErrors(raw: unknown): ApiFieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry): ApiFieldError[] => {
    if (typeof entry === 'string') return [{ path: '', message: entry }];
    if (entry && typeof entry === 'object' && 'message' in entry) {
      const e = entry as { path?: unknown; message?: unknown; row?: unknown };
      return [{ path: typeof e.path === 'string' ? e.path : '', message: String(e.message) }];
    }
    return [];
  });
}

const fallbackTitle = (status: number): string => {
  if (status === 401) return '登录已失效，请重新登录。';
  if (status === 403) return '您没有执行此操作的权限。';
  if (status === 404) return '未找到要查看的内容，请检查后重试。';
  if (status === 413) return '上传的文件太大，请拆分后再上传。';
  if (status === 429) return '操作过于频繁，请稍等一分钟后再试。';
  if (status >= 500) return '系统暂时出现问题，请稍后重试；如仍不行请联系系统管理员。';
  return '请求未能完成，请检查填写的内容后重试。';
};

/** Turns a non-2xx answer into an ApiError; a body that is not problem+json still gets a Chinese title. */
export function problemToError(status: number, bodyText: string): ApiError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = bodyText ? JSON.parse(bodyText) : {};
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON (a proxy page, an HTML error): keep the fallback title
  }
  return new ApiError({
    status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${status}`,
    title: typeof body.title === 'string' && body.title ? body.title : fallbackTitle(status),
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: normaliseErrors(body.errors),
    body,
  });
}

const networkError = () =>
  new ApiError({ status: 0, code: 'NETWORK_ERROR', title: '无法连接服务器，请检查网络连接后重试。' });

function parseWith<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  console.error(`接口 ${path} 返回的数据与约定不符`, result.error.issues);
  throw new ApiError({ status: 200, code: 'BAD_RESPONSE', title: '服务器返回的数据格式不正确，请刷新页面后重试；如仍不行请联系系统管理员。' });
}

function handleFailure(error: ApiError, options: { skipAuthRedirect?: boolean }): never {
  if (error.status === 401 && !options.skipAuthRedirect) onUnauthorized?.();
  throw error;
}

/**
 * The one way the console talks to the server: JSON in and out, the session cookie included, answers
 * checked against their zod schema, failures thrown as ApiError.
 */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'include', headers, signal: options.signal };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  const text = await response.text();
  if (!response.ok) handleFailure(problemToError(response.status, text), options);
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', title: '服务器返回的数据无法识别，请刷新页面后重试。' });
    }
  }
  return parseWith(schema, data, path);
}

export interface UploadOptions {
  fields?: Record<string, string>;
  /** 0–100 while the browser sends the file. */
  onUploadProgress?: (percent: number) => void;
  /** Called once the file is sent and the server is working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/** Multipart upload with progress (fetch cannot report upload progress, so this one uses XHR). */
export function apiUpload<T>(path: string, file: File | Blob, schema: z.ZodType<T>, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.upload.onload = () => {
      options.onUploadProgress?.(100);
      options.onUploaded?.();
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('已取消上传', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = problemToError(xhr.status, xhr.responseText);
        if (error.status === 401) onUnauthorized?.();
        reject(error);
        return;
      }
      try {
        resolve(parseWith(schema, xhr.responseText ? JSON.parse(xhr.responseText) : undefined, path));
      } catch (error) {
        reject(error instanceof ApiError ? error : new ApiError({ status: xhr.status, code: 'BAD_RESPONSE', title: '服务器返回的数据无法识别，请刷新页面后重试。' }));
      }
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    // Plain fields first: a streaming multipart parser sees them before the file.
    for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
    form.append('file', file, file instanceof File ? file.name : 'upload');
    xhr.send(form);
  });
}

/** A download link for a file the server generates (spreadsheets); the session cookie goes along. */
export const downloadUrl = (path: string): string => buildUrl(path);
