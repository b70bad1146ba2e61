import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { setCenterTimeZone } from './format';
import { DEFAULT_LEVEL_NAMES, type LevelNames } from './levels';
import { meSchema, type Me } from '@domain/contract/session';

// The signed-in person is shared by every feature (level names, roles, the own organisation), so it lives
// here rather than in features/auth: features only share through lib, components, hooks and config.
// Its shape is the server's (GET /api/auth/me, src/domain/contract/session.ts).
export type { Me };

/**
 * Who is signed in; a 401 here is an answer (not signed in), so it does not bounce to the sign-in page. Their
 * center's time zone becomes the clock every moment is shown on (lib/format.ts).
 */
export async function getMe(): Promise<Me> {
  const me = await apiRequest('/auth/me', meSchema, { skipAuthRedirect: true });
  setCenterTimeZone(me.user.org?.timeZone ?? null);
  return me;
}

export const meQueryKey = ['auth', 'me'] as const;

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

/** The signed-in person. Only used below the console layout, which loads it before rendering. */
export function useMe(): Me {
  const { data } = useQuery(meQueryOptions());
  if (!data) throw new Error('useMe() outside the signed-in console');
  return data;
}

/** The configured names of the three tiers (县/乡镇/村 or 旗/苏木/嘎查 …). */
export function useLevelNames(): LevelNames {
  const { data } = useQuery(meQueryOptions());
  return data?.levelNames ?? DEFAULT_LEVEL_NAMES;
}
