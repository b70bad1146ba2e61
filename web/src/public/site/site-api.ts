/**
 * The reads of the public site (no session): the catalog search (GET /api/items?q=, name, 俗称 and pinyin), the
 * categories, one item's guide, where it can be done and its FAQ. No schema library, to stay small on old phones:
 * answers are read as the server's declared types (src/domain/contract), which the server checks before sending.
 */
import type { CatalogItemAnswer, ListedItem } from '@domain/contract/catalog';
import type { ItemPlaces } from '@domain/contract/item-places';
import type { PublicFaq } from '@domain/consultations/contract';
import { createApiClient, isApiError } from '@shared/api-client';

export type Item = CatalogItemAnswer;
export type { ItemPlaces, PublicFaq };
/** what a list of items shows of each */
export type ItemSummary = Pick<ListedItem, 'code' | 'name' | 'aliases' | 'category' | 'kind' | 'promisedDays'>;

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

export type Failure = 'not-found' | 'network' | 'server';
export type Answer<T> = { ok: true; data: T } | { ok: false; failure: Failure };

async function read<T>(path: string, query?: Record<string, string>): Promise<Answer<T>> {
  try {
    return { ok: true, data: await client.request<T>(path, { query, quiet401: true }) };
  } catch (error) {
    if (!isApiError(error) || error.network) return { ok: false, failure: 'network' };
    return { ok: false, failure: error.status === 404 || error.status === 400 ? 'not-found' : 'server' };
  }
}

const summary = (i: ListedItem): ItemSummary => ({ code: i.code, name: i.name, aliases: i.aliases, category: i.category, kind: i.kind, promisedDays: i.promisedDays });

/** Items matching what was typed, best first (the server ranks: exact name, 俗称, pinyin initials …). */
export async function searchItems(q: string): Promise<Answer<ItemSummary[]>> {
  const answer = await read<{ items: ListedItem[] }>('/items', { q, status: 'active' });
  return answer.ok ? { ok: true, data: answer.data.items.map(summary) } : answer;
}

export async function itemsOfCategory(category: string): Promise<Answer<ItemSummary[]>> {
  const answer = await read<{ items: ListedItem[] }>('/items', { category, status: 'active' });
  return answer.ok ? { ok: true, data: answer.data.items.map(summary) } : answer;
}

export async function getCategories(): Promise<Answer<string[]>> {
  const answer = await read<{ categories: string[] }>('/catalog/facets');
  return answer.ok ? { ok: true, data: answer.data.categories } : answer;
}

export const getItem = (code: string) => read<Item>(`/items/${encodeURIComponent(code)}`);
export const getPlaces = (code: string) => read<ItemPlaces>(`/public/items/${encodeURIComponent(code)}/places`);
export const getFaq = (code: string) => read<PublicFaq>(`/public/items/${encodeURIComponent(code)}/faq`);

export const FAILURES: Record<Failure, string> = {
  'not-found': '没有找到这个事项，可能已经停用。请回到首页重新查找。',
  network: '网络连接失败，请检查手机网络后刷新页面。',
  server: '系统暂时无法打开，请稍后再试，或拨打当地便民服务中心的电话咨询。',
};
