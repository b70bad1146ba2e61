import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const facetsSchema = z.object({ categories: z.array(z.string()), departments: z.array(z.string()) });

export const getFacets = () => apiRequest('/catalog/facets', facetsSchema);

/** The categories and departments in use, for filters and for typing a new item. */
export const useFacets = () => useQuery({ queryKey: ['items', 'facets'], queryFn: getFacets, staleTime: 5 * 60_000 });
