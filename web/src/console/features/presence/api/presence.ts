import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const post = z.object({ windowId: z.string(), windowName: z.string(), post: z.enum(['A', 'B']) });
const person = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  away: z.boolean(),
  awayReason: z.string().nullish(),
  awaySince: z.string().nullish(),
});
export const presenceSchema = z.object({
  orgName: z.string(),
  me: person.extend({ posts: z.array(post) }),
  /** the windows this person works now as B, because A is away, and A's open cases waiting there */
  covering: z.array(z.object({ windowId: z.string(), windowName: z.string(), forUser: person, openCases: z.number() })),
  canManage: z.boolean(),
  /** for a director: the center's staff with their posts */
  staff: z.array(person.extend({ posts: z.array(post) })),
  /** windows nobody works now (A and B both away): the director must cover them */
  unmanned: z.array(z.object({ windowId: z.string(), windowName: z.string() })),
});
export type Presence = z.infer<typeof presenceSchema>;
export type StaffPresence = Presence['staff'][number];

export const presenceQueryKey = ['presence'] as const;

/** 在岗登记 (GET /api/presence): oneself, what one covers for an absent A, and for a director the center's staff. */
export const usePresence = () => useQuery({ queryKey: presenceQueryKey, queryFn: ({ signal }) => apiRequest('/presence', presenceSchema, { signal }) });

export interface SetPresenceInput {
  userId: string;
  away: boolean;
  reason?: string;
}

/** 离岗 / 返岗 (POST /api/users/{id}/presence): for oneself, or by a director for the center's staff. */
export const setPresence = ({ userId, ...body }: SetPresenceInput) =>
  apiRequest(`/users/${encodeURIComponent(userId)}/presence`, z.unknown(), { method: 'POST', body });

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPresence,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: presenceQueryKey });
      // who works which window changed: "my window" and "covering" lists change with it
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
