import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { supervisionReportSchema } from '@domain/contract/supervision-report';

/** The rules fired most in a month below `orgId`: the monthly supervision report's own count (GET /api/supervision/report). */
export const useTopRules = (orgId: string, month: string) =>
  useQuery({
    queryKey: ['supervision', 'report', { orgId, month }],
    queryFn: ({ signal }) => apiRequest('/supervision/report', supervisionReportSchema, { query: { orgId, month }, signal }),
    select: (report) => report.topRules,
  });
