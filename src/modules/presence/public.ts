/**
 * For 政务公开 (issue 11 §3, src/modules/transparency): the center's staff who work its windows or run it, each with
 * their post, the windows they hold (A or B) and their 去向 kind — the note typed with it stays inside (the caller
 * shows the kind only). Only names, roles and posts leave here; no phone, no username.
 */
import type { Role } from '../../domain/roles.js';
import { whereaboutsOf, type Whereabouts } from '../../domain/transparency/whereabouts.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { listUsers } from '../users/repo.js';
import { listWindows } from '../windows/repo.js';

/** Who the public meets at a center, in the order a 公示栏 lists them. */
const PUBLIC_POSTS: readonly Role[] = ['director', 'leader', 'clerk', 'agent'];

export interface CenterStaffPresence {
  userId: string;
  name: string;
  /** the first of PUBLIC_POSTS the person holds */
  role: Role;
  windows: { name: string; post: 'A' | 'B' }[];
  away: boolean;
  /** 去向 kind, the only thing about it the public sees */
  whereabouts: Whereabouts;
  /** the staff-only note: never to leave for the public */
  awayReason: string | null;
  /** the photo's content hash (served by the users module), null: none */
  photoHash: string | null;
}

export async function centerStaffPresence(db: Db, orgId: string): Promise<CenterStaffPresence[]> {
  const windows = (await listWindows(db, [orgId])).filter((w) => toBool(w.active));
  const out: CenterStaffPresence[] = [];
  for (const u of await listUsers(db, [orgId])) {
    if (!toBool(u.active)) continue;
    const roles = fromJson<Role[]>(u.roles, []);
    const role = PUBLIC_POSTS.find((r) => roles.includes(r));
    if (!role) continue;
    out.push({
      userId: u.id,
      name: u.name,
      role,
      windows: windows.flatMap((w) => [
        ...(w.post_a_user_id === u.id ? [{ name: w.name, post: 'A' as const }] : []),
        ...(w.post_b_user_id === u.id ? [{ name: w.name, post: 'B' as const }] : []),
      ]),
      away: toBool(u.away),
      whereabouts: whereaboutsOf(toBool(u.away), u.whereabouts),
      awayReason: u.away_reason,
      photoHash: u.photo_hash ?? null,
    });
  }
  return out.sort((a, b) => PUBLIC_POSTS.indexOf(a.role) - PUBLIC_POSTS.indexOf(b.role) || Number(a.windows.length === 0) - Number(b.windows.length === 0));
}
