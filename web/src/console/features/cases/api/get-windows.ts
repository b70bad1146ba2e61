import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const windowsSchema = z.object({ windows: z.array(z.looseObject({ id: z.string(), name: z.string(), active: z.boolean().optional() })) });

/** The windows of a center, to transfer a case to (转交窗口). */
export const useCenterWindows = (orgId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['windows', 'list', orgId],
    queryFn: ({ signal }) => apiRequest('/windows', windowsSchema, { query: { orgId }, signal }),
    select: (data) => data.windows.filter((w) => w.active !== false),
    enabled,
  });
