/** The session (/api/auth/*) and the health check: who is signed in, with their center and the level names. */
import { z } from 'zod';
import { PASSWORD_POLICIES } from '../people/password.js';
import { ORG_LEVELS } from '../orgs/tree.js';
import { ROLES } from '../roles.js';
import { levelNamesSchema } from './common.js';
import { orgSchema } from './orgs.js';

/** POST /api/auth/login (the session itself travels in the cookie, never in the body) */
export const loginSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), orgId: z.string(), mustChangePassword: z.boolean() }),
});
export type LoginAnswer = z.infer<typeof loginSchema>;

/** GET /api/auth/me */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    orgId: z.string(),
    /** set by an administrator: the console shows only the change-password screen until they set their own */
    mustChangePassword: z.boolean(),
    orgName: z.string(),
    orgLevel: z.enum(ORG_LEVELS).nullable(),
    org: orgSchema.nullable(),
    /** a village's fixed weekly office day (村固定办公日, '每周三'); null when none is set or above the village */
    officeDay: z.string().nullable().optional(),
  }),
  levelNames: levelNamesSchema,
  /** PASSWORD_POLICY of the deployment, so forms check the same rule the server applies */
  passwordPolicy: z.enum(PASSWORD_POLICIES),
});
export type Me = z.infer<typeof meSchema>;

/** GET /api/health: whether the server runs with demo data (the sign-in page then shows the demo accounts) */
export const healthSchema = z.object({ status: z.literal('ok'), db: z.string(), demo: z.boolean() });
