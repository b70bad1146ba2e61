import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { caseListSchema, lightCountsSchema, type CaseStatus, type Light, type SixKind } from './case-schema';

/** The work lists the server keeps per center and person (GET /api/cases?view=). */
export type WorkView =
  | 'held'
  | 'incoming'
  | 'due-today'
  | 'extensions'
  | 'refusals'
  | 'refusals-to-review'
  | 'mine'
  | 'first-responded'
  | 'joint'
  | 'sent-up'
  | 'to-deliver'
  | 'objections'
  | 'covering'
  | 'deadline-changed';

export interface CaseFilter {
  view?: WorkView;
  status?: CaseStatus;
  kind?: SixKind;
  light?: Light;
  itemCode?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const getCases = (filter: CaseFilter, signal?: AbortSignal) =>
  apiRequest('/cases', caseListSchema, { query: { ...filter }, signal });

export const casesQueryOptions = (filter: CaseFilter) =>
  queryOptions({
    queryKey: ['cases', 'list', filter],
    queryFn: ({ signal }) => getCases(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useCases = (filter: CaseFilter) => useQuery(casesQueryOptions(filter));

/** How many cases a list holds (one row fetched, the total read). */
export const useCaseCount = (filter: CaseFilter) =>
  useQuery({
    queryKey: ['cases', 'count', filter],
    queryFn: ({ signal }) => getCases({ ...filter, page: 1, pageSize: 1 }, signal),
    select: (data) => data.total,
  });

/** How many cases of a filter show each light: one grouped count on the stored light (GET /api/cases/lights). */
export const useLightCounts = ({ light: _light, page: _page, pageSize: _pageSize, ...filter }: CaseFilter) =>
  useQuery({
    queryKey: ['cases', 'lights', filter],
    queryFn: ({ signal }) => apiRequest('/cases/lights', lightCountsSchema, { query: { ...filter }, signal }),
  });

/** The Excel file of exactly these filters (without paging: the export carries every matching case). */
export const ledgerExportUrl = ({ page: _page, pageSize: _pageSize, ...filter }: CaseFilter) =>
  buildUrl('/cases/export.xlsx', { ...filter });
