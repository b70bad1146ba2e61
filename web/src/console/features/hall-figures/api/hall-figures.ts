/** 排队统计 (issue 12 §1): GET /api/hall/figures for the director's center and a range of local dates. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { hallFiguresSchema } from '@domain/contract/hall';

export type { HallFiguresView } from '@domain/contract/hall';

export const useHallFigures = (q: { from?: string | undefined; to?: string | undefined }) =>
  useQuery({
    queryKey: ['hall', 'figures', q],
    queryFn: ({ signal }) => apiRequest('/hall/figures', hallFiguresSchema, { signal, query: { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) } }),
    placeholderData: keepPreviousData,
  });
