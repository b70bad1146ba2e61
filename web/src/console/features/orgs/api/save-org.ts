import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';
import type { Level } from '@/lib/levels';
import { orgSchema, type OfficeHours } from './get-orgs';

export interface OrgFields {
  code: string;
  name: string;
  centerName?: string;
  address?: string | null;
  phone?: string | null;
  officeHours?: OfficeHours;
}

export interface CreateOrgInput extends OrgFields {
  parentId: string | null;
  level: Level;
}

export const createOrg = (input: CreateOrgInput) => apiRequest('/orgs', orgSchema, { method: 'POST', body: input });

export const updateOrg = ({ id, expectedVersion, ...fields }: Partial<OrgFields> & { id: string; expectedVersion: number }) =>
  apiRequest(`/orgs/${encodeURIComponent(id)}`, orgSchema, { method: 'PATCH', body: { expectedVersion, ...fields } });

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createOrg, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orgs'] }) });
}

export function useUpdateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrg,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['orgs'] });
      // The signed-in person's own center may have been renamed.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
