import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { paperSchema } from '@domain/contract/papers';

// One paper of a case as the server composes it (GET /api/cases/:id/papers/:paper), in the contract's shape
// (src/domain/contract/papers.ts). A print record keeps exactly this, so a past print renders from the same shape.
export { paperSchema, type Paper, type PaperCenter as Center } from '@domain/contract/papers';

export const getPaper = (id: string, paper: string, signal?: AbortSignal) =>
  apiRequest(`/cases/${encodeURIComponent(id)}/papers/${encodeURIComponent(paper)}`, paperSchema, { signal });

// A paper prints the case as it is now: never from a cache an action on the case page has since made stale.
export const paperQueryOptions = (id: string, paper: string) =>
  queryOptions({ queryKey: ['notices', 'paper', id, paper], queryFn: ({ signal }) => getPaper(id, paper, signal), staleTime: 0, gcTime: 0, retry: false });

export const usePaper = (id: string, paper: string) => useQuery(paperQueryOptions(id, paper));
