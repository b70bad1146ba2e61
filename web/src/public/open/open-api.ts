/**
 * The requests of the 政务公开 pages (no session): the centers as a tree, one center's page, its finished cases page
 * by page. Answers have the server's declared shape (src/domain/transparency/contract.ts); no schema library here,
 * to stay small on village phones.
 */
import type { PublicRoster } from '@domain/duty/contract';
import type { FinishedCases, PublicCenter, PublicCenterTree } from '@domain/transparency/contract';
import { createApiClient, isApiError } from '@shared/api-client';

export type { FinishedCases, PublicCenter, PublicCenterTree, PublicRoster };

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

export type Loaded<T> = { ok: true; data: T } | { ok: false; notFound: boolean; title: string };

async function load<T>(path: string, query?: Record<string, number | string>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await client.request<T>(path, { quiet401: true, ...(query ? { query } : {}) }) };
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { ok: false, notFound: true, title: '没有找到这个便民服务中心，请从中心列表中重新选择。' };
    return { ok: false, notFound: false, title: isApiError(error) && error.network ? '网络连接失败，请检查手机网络后再试。' : '暂时打不开，请稍后再试。' };
  }
}

export const getCenters = () => load<PublicCenterTree>('/public/centers');
export const getCenter = (id: string) => load<PublicCenter>(`/public/centers/${encodeURIComponent(id)}`);
export const getResults = (id: string, page: number) => load<FinishedCases>(`/public/centers/${encodeURIComponent(id)}/results`, { page, pageSize: 10 });
export const getDutyRoster = (orgId: string, month: string) => load<PublicRoster>('/hall/duty-roster', { orgId, month });
