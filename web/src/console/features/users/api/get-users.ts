import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { userListSchema } from '@domain/contract/users';

export { userSchema, type User } from '@domain/contract/users';

export const getUsers = (orgId?: string) => apiRequest('/users', userListSchema, { query: { orgId } });

/** Staff of one organisation, or of the whole visible tree when no organisation is given. */
export const useUsers = (orgId?: string) => useQuery({ queryKey: ['users', { orgId: orgId ?? null }], queryFn: () => getUsers(orgId) });
