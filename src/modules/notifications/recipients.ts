/**
 * Who is warned when a case's light turns yellow or red (DOMAIN.md "Electronic supervision"): the responsible clerk
 * and the director(s) of the center holding the case.
 *
 * The responsible clerk, decided here (the issue is silent): whoever works the case's window now — its A post, or
 * the B post while A is away (AB岗, rule 8) — when that window belongs to the center holding the case; otherwise the
 * case's first responder (首问负责), if they work at that center. A case held where neither is (sent up to the
 * county, or its window unmanned with both posts away) warns the director(s) only. Inactive accounts are never
 * warned. People are read from the users and windows modules, once per center within one `RecipientFinder`.
 */
import type { WarningRecipient } from '../../domain/notifications/case-messages.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { listUsers } from '../users/repo.js';
import { listWindows } from '../windows/repo.js';
import { windowPosts } from '../windows/service.js';

export interface WarnedCase {
  holderOrgId: string;
  windowId: string | null;
  firstResponderId: string;
}

interface CenterPeople {
  people: Map<string, { id: string; phone: string | null; roles: string[] }>;
  directors: string[];
  acting: Map<string, string | null>;
}

/** Finds recipients, reading each center's people and windows once (a sweep warns about many cases). */
export function recipientFinder(db: Db) {
  const centers = new Map<string, Promise<CenterPeople>>();
  const load = async (orgId: string): Promise<CenterPeople> => {
    const users = (await listUsers(db, [orgId])).filter((u) => toBool(u.active));
    const people = new Map(users.map((u) => [u.id, { id: u.id, phone: u.phone, roles: fromJson<string[]>(u.roles, []) }]));
    const windows = await listWindows(db, [orgId]);
    return {
      people,
      directors: [...people.values()].filter((p) => p.roles.includes('director')).map((p) => p.id),
      acting: new Map(windows.filter((w) => toBool(w.active)).map((w) => [w.id, windowPosts(w).acting?.userId ?? null])),
    };
  };
  return async (c: WarnedCase): Promise<WarningRecipient[]> => {
    let center = centers.get(c.holderOrgId);
    if (!center) {
      center = load(c.holderOrgId);
      centers.set(c.holderOrgId, center);
    }
    const { people, directors, acting } = await center;
    const byWindow = c.windowId ? acting.get(c.windowId) : undefined;
    const clerk = byWindow && people.has(byWindow) ? byWindow : people.has(c.firstResponderId) ? c.firstResponderId : null;
    const ids = [...new Set([...(clerk ? [clerk] : []), ...directors])];
    return ids.map((id) => ({ userId: id, phone: people.get(id)?.phone ?? null }));
  };
}
