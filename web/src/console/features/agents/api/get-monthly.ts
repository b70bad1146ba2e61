import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { monthlySchema } from '@domain/contract/agents';

/** 村级便民服务办理情况统计表 of one month: per village and item category, with the totals. */
export { monthlyRowSchema, monthlySchema, type Monthly, type MonthlyRow } from '@domain/contract/agents';

/** month: YYYY-MM */
export const getVillageMonthly = (month: string, signal?: AbortSignal) => apiRequest('/agents/monthly', monthlySchema, { query: { month }, signal });

export const villageMonthlyQueryOptions = (month: string) =>
  queryOptions({
    queryKey: ['agents', 'monthly', month],
    queryFn: ({ signal }) => getVillageMonthly(month, signal),
    placeholderData: keepPreviousData,
  });

export const useVillageMonthly = (month: string) => useQuery(villageMonthlyQueryOptions(month));

/** The same table as an Excel file (a plain link: the session cookie goes along). */
export const villageMonthlyExportUrl = (month: string) => buildUrl('/agents/monthly.xlsx', { month });
