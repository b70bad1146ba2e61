import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { MONTHLY_COUNTERS, type MonthlyCounter } from '@domain/agents/monthly';

const countersSchema = z.object(Object.fromEntries(MONTHLY_COUNTERS.map((key) => [key, z.number()])) as Record<MonthlyCounter, z.ZodNumber>);

export const monthlyRowSchema = countersSchema.extend({ villageId: z.string(), villageName: z.string(), category: z.string() });
export type MonthlyRow = z.infer<typeof monthlyRowSchema>;

/** 村级便民服务办理情况统计表 of one month: per village and item category, with the totals. */
export const monthlySchema = z.object({ month: z.string(), rows: z.array(monthlyRowSchema), totals: countersSchema });
export type Monthly = z.infer<typeof monthlySchema>;

/** month: YYYY-MM */
export const getVillageMonthly = (month: string, signal?: AbortSignal) => apiRequest('/agents/monthly', monthlySchema, { query: { month }, signal });

export const villageMonthlyQueryOptions = (month: string) =>
  queryOptions({
    queryKey: ['villages', 'monthly', month],
    queryFn: ({ signal }) => getVillageMonthly(month, signal),
    placeholderData: keepPreviousData,
  });

export const useVillageMonthly = (month: string) => useQuery(villageMonthlyQueryOptions(month));

/** The same table as an Excel file (a plain link: the session cookie goes along). */
export const villageMonthlyExportUrl = (month: string) => buildUrl('/agents/monthly.xlsx', { month });
