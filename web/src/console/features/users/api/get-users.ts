import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  orgId: z.string(),
  phone: z.string().nullish(),
  active: z.boolean(),
  lockedUntil: z.string().nullish(),
  /** created or reset by an administrator, not yet changed by the holder */
  mustChangePassword: z.boolean().nullish(),
  lastLoginAt: z.string().nullish(),
  version: z.number(),
});
export type User = z.infer<typeof userSchema>;

const usersResponseSchema = z.object({ users: z.array(userSchema) });

export const getUsers = (orgId?: string) => apiRequest('/users', usersResponseSchema, { query: { orgId } });

/** Staff of one organisation, or of the whole visible tree when no organisation is given. */
export const useUsers = (orgId?: string) => useQuery({ queryKey: ['users', { orgId: orgId ?? null }], queryFn: () => getUsers(orgId) });
