import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { windowListSchema } from '@domain/contract/windows';

export { windowSchema, type ServiceWindow } from '@domain/contract/windows';

export const getWindows = (orgId: string) => apiRequest('/windows', windowListSchema, { query: { orgId } });

/** The windows of one center, each with its A post and B (backup) post. */
export const useWindows = (orgId: string | undefined) =>
  useQuery({ queryKey: ['windows', orgId], queryFn: () => getWindows(orgId!), enabled: !!orgId });
