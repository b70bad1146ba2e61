import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';
import { loginSchema } from '@domain/contract/session';

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名'),
  password: z.string().min(1, '请输入密码'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const login = (input: LoginInput) =>
  apiRequest('/auth/login', loginSchema, { method: 'POST', body: input, skipAuthRedirect: true });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // A new person: nothing cached for the previous one may show.
      queryClient.removeQueries();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
