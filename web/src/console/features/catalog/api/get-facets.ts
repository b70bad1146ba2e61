import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { facetsSchema } from '@domain/contract/catalog';

export const getFacets = () => apiRequest('/catalog/facets', facetsSchema);

/** The categories and departments in use, for filters and for typing a new item. */
export const useFacets = () => useQuery({ queryKey: ['items', 'facets'], queryFn: getFacets, staleTime: 5 * 60_000 });
