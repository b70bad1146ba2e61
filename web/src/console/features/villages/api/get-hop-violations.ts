import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** A hop (转报、上报、结果返回) done after its time limit, or still not done past it. */
export const hopViolationSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  hop: z.string(),
  hopName: z.string(),
  from: z.string(),
  to: z.string(),
  urgent: z.boolean(),
  readyAt: z.string().nullish(),
  dueAt: z.string(),
  doneAt: z.string().nullish(),
});
export type HopViolation = z.infer<typeof hopViolationSchema>;

const violationsResponseSchema = z.object({ violations: z.array(hopViolationSchema) });

export const getHopViolations = (signal?: AbortSignal) => apiRequest('/agents/hop-violations', violationsResponseSchema, { signal });

export const hopViolationsQueryOptions = () =>
  queryOptions({
    queryKey: ['villages', 'hop-violations'],
    queryFn: ({ signal }) => getHopViolations(signal),
    select: (data) => data.violations,
  });

export const useHopViolations = () => useQuery(hopViolationsQueryOptions());
