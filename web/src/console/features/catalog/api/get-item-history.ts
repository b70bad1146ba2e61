import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { itemHistorySchema } from '@domain/contract/catalog';

export type { ItemHistoryEntry } from '@domain/contract/catalog';

export const getItemHistory = (code: string) => apiRequest(`/items/${encodeURIComponent(code)}/history`, itemHistorySchema);

export const useItemHistory = (code: string, enabled: boolean) =>
  useQuery({ queryKey: ['items', 'history', code], queryFn: () => getItemHistory(code), enabled });
