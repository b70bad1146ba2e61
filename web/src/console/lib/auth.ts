import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './api-client';
import { DEFAULT_LEVEL_NAMES, LEVELS, type LevelNames } from './levels';
import { PASSWORD_POLICIES } from '@domain/people/password';

// The signed-in person is shared by every feature (level names, roles, the own organisation), so it lives
// here rather than in features/auth: features only share through lib, components, hooks and config.

export const levelNamesSchema = z.object({ county: z.string(), township: z.string(), village: z.string() });

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    orgId: z.string(),
    /** Set by an administrator: the console shows only the change-password screen until they set their own. */
    mustChangePassword: z.boolean().nullish(),
    orgName: z.string().nullish(),
    orgLevel: z.enum(LEVELS).nullish(),
    org: z
      .object({
        name: z.string(),
        level: z.string(),
        centerName: z.string().nullish(),
        address: z.string().nullish(),
        phone: z.string().nullish(),
        officeHours: z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() })) }).nullish(),
      })
      .nullish(),
  }),
  levelNames: levelNamesSchema,
  /** PASSWORD_POLICY of the deployment, so forms check the same rule the server applies. */
  passwordPolicy: z.enum(PASSWORD_POLICIES).nullish(),
});
export type Me = z.infer<typeof meSchema>;

/** Who is signed in; a 401 here is an answer (not signed in), so it does not bounce to the sign-in page. */
export const getMe = (): Promise<Me> => apiRequest('/auth/me', meSchema, { skipAuthRedirect: true });

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
