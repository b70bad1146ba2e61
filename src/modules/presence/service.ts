import { hasPermission, type Role } from '../../domain/roles.js';
import { unmannedWindows, windowsCoveredBy } from '../../domain/staff/ab-post.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { UsersTable } from '../../db/schema.js';
import { whereaboutsOf } from '../../domain/transparency/whereabouts.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { countCases } from '../cases/repo.js';
import { findOrg } from '../orgs/repo.js';
import { findUser, listUsers } from '../users/repo.js';
import { listWindows } from '../windows/repo.js';
import { windowPosts } from '../windows/service.js';

/** The roles that hold window posts or run the center: the people whose presence the screen shows. */
const CENTER_STAFF: readonly Role[] = ['clerk', 'director', 'leader', 'agent'];

const presence = (u: UsersTable) => ({
  id: u.id,
  name: u.name,
  roles: fromJson<Role[]>(u.roles, []),
  away: toBool(u.away),
  awayReason: u.away_reason,
  awaySince: u.away_since,
  whereabouts: whereaboutsOf(toBool(u.away), u.whereabouts),
});

/**
 * 在岗登记 (AB岗, DOMAIN.md rule 8): the person's own presence and posts, what they cover as a backup (the windows
 * whose A is away, with how many of A's open cases now wait for them), and for a director the center's staff
 * with their posts, to mark someone away or back.
 */
export async function getPresence(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const me = (await findUser(db, actor.userId))!;
  const org = await findOrg(db, actor.orgId);
  const windows = (await listWindows(db, [actor.orgId])).filter((w) => toBool(w.active)).map((w) => ({ ...windowPosts(w), name: w.name }));
  const postsOf = (userId: string) =>
    windows.flatMap((w) => [
      ...(w.postA?.userId === userId ? [{ windowId: w.id, windowName: w.name, post: 'A' as const }] : []),
      ...(w.postB?.userId === userId ? [{ windowId: w.id, windowName: w.name, post: 'B' as const }] : []),
    ]);
  const covering = [];
  for (const id of windowsCoveredBy(windows, actor.userId)) {
    const w = windows.find((x) => x.id === id)!;
    const a = (await findUser(db, w.postA!.userId))!;
    const openCases = await countCases(db, {
      orgIds: [actor.orgId],
      view: { name: 'covering', orgId: actor.orgId, userId: actor.userId, windowIds: [id] },
    });
    covering.push({ windowId: id, windowName: w.name, forUser: presence(a), openCases });
  }
  const manage = hasPermission(actor.roles, 'windows.manage');
  const staff = manage
    ? (await listUsers(db, [actor.orgId]))
        .filter((u) => toBool(u.active) && fromJson<Role[]>(u.roles, []).some((r) => CENTER_STAFF.includes(r)))
        .map((u) => ({ ...presence(u), posts: postsOf(u.id) }))
    : [];
  // Windows nobody works now: the director must cover them (no window is ever unmanned in the system's view).
  const unmanned = unmannedWindows(windows).map((w) => ({ windowId: w.id, windowName: w.name }));
  return {
    orgName: org?.center_name ?? org?.name ?? '',
    me: { ...presence(me), posts: postsOf(me.id) },
    covering,
    canManage: manage,
    staff,
    unmanned: manage ? unmanned : [],
  };
}
