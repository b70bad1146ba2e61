/** What the server answers about staff (/api/users, /api/presence). */
import { z } from 'zod';
import { ROLES } from '../roles.js';
import { instant } from './common.js';
import { WHEREABOUTS } from '../transparency/whereabouts.js';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  orgId: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: instant.nullable(),
  /** created or reset by an administrator, not yet changed by the holder */
  mustChangePassword: z.boolean(),
  lastLoginAt: instant.nullable(),
  /** 离岗 (AB岗): the B post works the window meanwhile */
  away: z.boolean(),
  awayReason: z.string().nullable(),
  awaySince: instant.nullable(),
  /** 去向 (issue 12 §4): 在岗 / 下村 / 开会 / 请假 / 出差; awayReason is its staff-only note */
  whereabouts: z.enum(WHEREABOUTS).optional(),
  /** the photo on the 政务公开 pages (SHA-256 of its content; GET /api/public/staff/:id/photo), null: none */
  photoHash: z.string().nullable().optional(),
  /** 入职/服务起始日期 'YYYY-MM-DD' (评先评优); null: taken as the day the account was created */
  serviceStartDate: z.string().nullable().optional(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });

const post = z.object({ windowId: z.string(), windowName: z.string(), post: z.enum(['A', 'B']) });
const person = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  away: z.boolean(),
  awayReason: z.string().nullable(),
  awaySince: instant.nullable(),
  whereabouts: z.enum(WHEREABOUTS).optional(),
});

/** GET /api/presence (在岗登记): oneself, what one covers for an absent A, and for a director the center's staff. */
export const presenceSchema = z.object({
  orgName: z.string(),
  me: person.extend({ posts: z.array(post) }),
  /** the windows this person works now as B, because A is away, and A's open cases waiting there */
  covering: z.array(z.object({ windowId: z.string(), windowName: z.string(), forUser: person, openCases: z.number().int() })),
  canManage: z.boolean(),
  /** for a director: the center's staff with their posts */
  staff: z.array(person.extend({ posts: z.array(post) })),
  /** windows nobody works now (A and B both away): the director must cover them */
  unmanned: z.array(z.object({ windowId: z.string(), windowName: z.string() })),
});
export type Presence = z.infer<typeof presenceSchema>;
