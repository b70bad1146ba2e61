import type { z } from 'zod';
import { ApiError, badResponse, buildUrl, createApiClient, isApiError, type RequestOptions as SharedOptions } from '@shared/api-client';

// The console's use of the shared client (web/src/shared/api-client.ts): answers checked against their zod schema
// (the server's own, src/domain/contract), a lost session sends the clerk to the sign-in page.
export { ApiError, buildUrl, isApiError, type ApiFieldError } from '@shared/api-client';

/** Someone else saved the row first (optimistic concurrency, `expectedVersion`). */
export const isVersionConflict = (error: unknown): boolean => isApiError(error) && error.code === 'VERSION_CONFLICT';

let onUnauthorized: (() => void) | null = null;

/** The app decides what a lost session means (it sends the user to the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const client = createApiClient({
  networkTitle: '无法连接服务器，请检查网络连接后重试。',
  fallbackTitles: { 413: '上传的文件太大，请拆分后再上传。' },
  onUnauthorized: () => onUnauthorized?.(),
});

export interface RequestOptions extends Omit<SharedOptions<unknown>, 'parse' | 'quiet401'> {
  /** A 401 is an answer to show (sign-in form, the session check), not a reason to leave the page. */
  skipAuthRedirect?: boolean;
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  console.error(`接口 ${path} 返回的数据与约定不符`, result.error.issues);
  throw new ApiError({ status: 200, code: 'BAD_RESPONSE', title: '服务器返回的数据格式不正确，请刷新页面后重试；如仍不行请联系系统管理员。' });
}

/** One call to the server, its answer checked against the zod schema of the contract. */
export function apiRequest<T>(path: string, schema: z.ZodType<T>, { skipAuthRedirect, ...options }: RequestOptions = {}): Promise<T> {
  return client.request(path, { ...options, quiet401: skipAuthRedirect, parse: (data) => parseWith(schema, data, path) });
}

export interface UploadOptions {
  /** POST (default) creates or imports; PUT replaces the one file of a record (a staff photo) */
  method?: 'POST' | 'PUT';
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
    xhr.open(options.method ?? 'POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.upload.onload = () => {
      options.onUploadProgress?.(100);
      options.onUploaded?.();
    };
    xhr.onerror = () => reject(client.networkError());
    xhr.onabort = () => reject(new DOMException('已取消上传', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(client.refused(client.problemToError(xhr.status, xhr.responseText)));
        return;
      }
      try {
        resolve(parseWith(schema, xhr.responseText ? JSON.parse(xhr.responseText) : undefined, path));
      } catch (error) {
        reject(error instanceof ApiError ? error : badResponse(xhr.status));
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
