import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { presenceSchema, userSchema, type Presence } from '@domain/contract/users';
import type { Whereabouts } from '@domain/transparency/whereabouts';

export { presenceSchema, type Presence };
export type StaffPresence = Presence['staff'][number];

export const presenceQueryKey = ['presence'] as const;

/** 在岗登记 (GET /api/presence): oneself, what one covers for an absent A, and for a director the center's staff. */
export const usePresence = () => useQuery({ queryKey: presenceQueryKey, queryFn: ({ signal }) => apiRequest('/presence', presenceSchema, { signal }) });

export interface SetPresenceInput {
  userId: string;
  /** 在岗 is back at the post; every other kind is away (the B post works the windows) */
  whereabouts: Whereabouts;
  /** only staff see it */
  note?: string | null;
}

/** 去向 (POST /api/users/{id}/presence): for oneself, or by a director for the center's staff. */
export const setPresence = ({ userId, ...body }: SetPresenceInput) =>
  apiRequest(`/users/${encodeURIComponent(userId)}/presence`, userSchema, { method: 'POST', body });

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPresence,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: presenceQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['whereabouts'] });
      // who works which window changed: "my window" and "covering" lists change with it
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
