/**
 * What the public complaint and 咨询 pages share when they talk to the server (no session): one client, and the
 * kinds of failure a villager can meet, each with what to do next. No schema library, to stay small on old phones.
 */
import { createApiClient, isApiError, type ApiFieldError } from '@shared/api-client';

export const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试；已填写的内容不会丢失。' });

export type Failure = { kind: 'invalid'; title: string; errors: ApiFieldError[] } | { kind: 'not-found' } | { kind: 'too-many' } | { kind: 'network' } | { kind: 'server' };

export function failure(error: unknown): Failure {
  if (!isApiError(error) || error.network) return { kind: 'network' };
  if (error.status === 400 || error.status === 422) return { kind: 'invalid', title: error.title, errors: error.errors };
  if (error.status === 404) return { kind: 'not-found' };
  if (error.status === 429) return { kind: 'too-many' };
  return { kind: 'server' };
}

/** The sentence a failed query shows; `notFound` names what was not found and what to check. */
export function queryFailureText(kind: Failure['kind'], notFound: string): string {
  switch (kind) {
    case 'invalid':
    case 'not-found':
      return notFound;
    case 'too-many':
      return '查询过于频繁，请一分钟后再试';
    case 'network':
      return '网络连接失败，请检查手机网络后再点“查询”';
    case 'server':
      return '系统暂时无法查询，请稍后再试';
  }
}
