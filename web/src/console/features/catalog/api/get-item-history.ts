import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const historyEntrySchema = z.object({
  version: z.number(),
  action: z.enum(['created', 'updated', 'retired', 'imported']),
  at: z.string(),
  byName: z.string().nullish(),
  // The item as it was saved then, possibly in an older shape or under older rules: read what is there,
  // only to compare versions, never as an item of today.
  snapshot: z.record(z.string(), z.unknown()),
});
export type ItemHistoryEntry = z.infer<typeof historyEntrySchema>;

const historyResponseSchema = z.object({ history: z.array(historyEntrySchema) });

export const getItemHistory = (code: string) =>
  apiRequest(`/items/${encodeURIComponent(code)}/history`, historyResponseSchema);

export const useItemHistory = (code: string, enabled: boolean) =>
  useQuery({ queryKey: ['items', 'history', code], queryFn: () => getItemHistory(code), enabled });
