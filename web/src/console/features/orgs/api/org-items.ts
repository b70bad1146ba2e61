import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { orgItemsSchema } from '@domain/contract/catalog';

export const getOrgItems = (orgId: string) => apiRequest(`/orgs/${encodeURIComponent(orgId)}/items`, orgItemsSchema);

export const setOrgItems = ({ orgId, itemCodes }: { orgId: string; itemCodes: string[] }) =>
  apiRequest(`/orgs/${encodeURIComponent(orgId)}/items`, orgItemsSchema, { method: 'PUT', body: { itemCodes } });

/** Which catalog items a center offers (可办事项). */
export const useOrgItems = (orgId: string) =>
  useQuery({ queryKey: ['orgs', orgId, 'items'], queryFn: () => getOrgItems(orgId) });

export function useSetOrgItems() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setOrgItems,
    onSuccess: (_data, { orgId }) => queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'items'] }),
  });
}
