/**
 * The demo's 领导带班值班表 (issue 12 §5): on a server started in demo mode, the demo township's director drafts this
 * month's and next month's rosters through the real use cases (the fair rotation of its leaders) and publishes them,
 * so the display screen, 政务公开 and the console show a duty leader at once. Once: a month that has a roster is
 * left as it is. Run by `serve` only, never by the tests' apps (they choose their own dates).
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { fromJson } from '../../db/portable.js';
import type { Role } from '../../domain/roles.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { findUserByUsername } from '../users/repo.js';
import * as repo from './repo.js';
import { getStaffRoster, publishRoster, saveDraft, suggestRoster } from './roster.js';

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

export async function seedDemoRoster(ctx: AppContext): Promise<string | null> {
  const { db } = ctx.database;
  if (!ctx.config.demo) return null;
  const director = await findUserByUsername(db, 'director');
  const org = director ? await findOrg(db, director.org_id) : undefined;
  if (!director || !org) return null;
  const actor: Actor = { userId: director.id, username: director.username, name: director.name, roles: fromJson<Role[]>(director.roles, []), orgId: org.id, sessionId: 'demo' };
  const thisMonth = localDate(ctx.clock(), org.time_zone).slice(0, 7);
  const published: string[] = [];
  for (const month of [thisMonth, nextMonth(thisMonth)]) {
    if (await repo.findRoster(db, org.id, month)) continue;
    const { assignments } = await suggestRoster(ctx, actor, org.id, month);
    await saveDraft(ctx, actor, { orgId: org.id, month, assignments });
    const { version } = await getStaffRoster(ctx, actor, org.id, month);
    await publishRoster(ctx, actor, { orgId: org.id, month, expectedVersion: version ?? 1 });
    published.push(month);
  }
  return published.length > 0 ? `演示值班表：${published.join('、')}` : null;
}
