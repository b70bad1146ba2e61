import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { hopViolationsSchema } from '@domain/contract/agents';

export { hopViolationSchema, type HopViolation } from '@domain/contract/agents';

export const getHopViolations = (signal?: AbortSignal) => apiRequest('/agents/hop-violations', hopViolationsSchema, { signal });

export const hopViolationsQueryOptions = () =>
  queryOptions({
    queryKey: ['agents', 'hop-violations'],
    queryFn: ({ signal }) => getHopViolations(signal),
    select: (data) => data.violations,
  });

export const useHopViolations = () => useQuery(hopViolationsQueryOptions());
