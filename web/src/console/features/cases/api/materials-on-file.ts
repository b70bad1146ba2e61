import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { materialsOnFileSchema } from '@domain/contract/applications';

export interface OnFileQuery {
  itemCode: string;
  kind: 'person' | 'organization';
  number: string;
  name: string;
}

/**
 * 材料复用 at the window: the materials of the chosen item the applicant already has on file (checked at a window,
 * or issued by a finished case), by the number and name typed from the card in front of the clerk. Asked only once
 * both look complete (an ID number or credit code is 18 characters), so half-typed numbers send nothing.
 */
export const useMaterialsOnFile = (query: OnFileQuery | null) =>
  useQuery({
    queryKey: ['cases', 'materials-on-file', query],
    queryFn: ({ signal }) => apiRequest('/evidence/on-file', materialsOnFileSchema, { query: { ...query }, signal }),
    enabled: query !== null && query.number.length === 18 && query.name.length > 0,
    select: (data) => new Map(data.materials.map((m) => [m.name, m.onFile])),
    staleTime: 60_000,
  });
