import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { windowListSchema } from '@domain/contract/windows';

/** The windows of a center, to transfer a case to (转交窗口). */
export const useCenterWindows = (orgId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['windows', 'list', orgId],
    queryFn: ({ signal }) => apiRequest('/windows', windowListSchema, { query: { orgId }, signal }),
    select: (data) => data.windows.filter((w) => w.active),
    enabled,
  });
