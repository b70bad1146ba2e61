import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Role } from '@/lib/roles';
import { userSchema } from '@domain/contract/users';

export interface CreateUserInput {
  username: string;
  name: string;
  password: string;
  roles: Role[];
  orgId: string;
  phone?: string | null;
  serviceStartDate?: string | null;
}

export interface UpdateUserInput {
  id: string;
  expectedVersion: number;
  name?: string;
  roles?: Role[];
  orgId?: string;
  phone?: string | null;
  serviceStartDate?: string | null;
  active?: boolean;
}

export const createUser = (input: CreateUserInput) => apiRequest('/users', userSchema, { method: 'POST', body: input });

export const updateUser = ({ id, ...body }: UpdateUserInput) =>
  apiRequest(`/users/${encodeURIComponent(id)}`, userSchema, { method: 'PATCH', body });

export const resetPassword = ({ id, password }: { id: string; password: string }) =>
  apiRequest(`/users/${encodeURIComponent(id)}/reset-password`, userSchema, { method: 'POST', body: { password } });

export const unlockUser = (id: string) => apiRequest(`/users/${encodeURIComponent(id)}/unlock`, userSchema, { method: 'POST', body: {} });

function useUserMutation<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}

export const useCreateUser = () => useUserMutation(createUser);
export const useUpdateUser = () => useUserMutation(updateUser);
export const useResetPassword = () => useUserMutation(resetPassword);
export const useUnlockUser = () => useUserMutation(unlockUser);
