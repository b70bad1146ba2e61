import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const logout = () => apiRequest('/auth/logout', z.unknown(), { method: 'POST', skipAuthRedirect: true });

/** Ends the session. The caller leaves the console first, then calls `forget` to drop everything cached. */
export function useLogout() {
  const queryClient = useQueryClient();
  const mutation = useMutation({ mutationFn: logout });
  return { ...mutation, forget: () => queryClient.clear() };
}
