import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { open311KeyIssuedSchema, open311KeyListSchema, open311KeySchema } from '@domain/open311/contract';

// Open311 接口密钥 (/api/open311/keys*), answers checked against src/domain/open311/contract.ts.
export type { Open311Key } from '@domain/open311/contract';

const key = ['open311', 'keys'] as const;

export const useOpen311Keys = () => useQuery({ queryKey: key, queryFn: ({ signal }) => apiRequest('/open311/keys', open311KeyListSchema, { signal }) });

export function useIssueOpen311Key() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => apiRequest('/open311/keys', open311KeyIssuedSchema, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeOpen311Key() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, expectedVersion, reason }: { id: string; expectedVersion: number; reason: string }) =>
      apiRequest(`/open311/keys/${encodeURIComponent(id)}/revoke`, open311KeySchema, { method: 'POST', body: { expectedVersion, reason } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
