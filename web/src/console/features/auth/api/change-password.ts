import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export const changePassword = (body: ChangePasswordInput) =>
  apiRequest('/auth/password', z.unknown(), { method: 'POST', body });

/** One's own new password; afterwards who-is-signed-in is read again (the must-change flag is gone). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
