import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import { fromJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { loadCalendar } from '../calendar/repo.js';
import { listOrgs } from '../orgs/repo.js';

/** The calendar, office hours and time zone a center counts its deadlines in. */
export async function centerTime(db: Db, org: OrgsTable): Promise<CenterTime> {
  return {
    calendar: await loadCalendar(db),
    hours: fromJson<OfficeHours>(org.office_hours, { sessions: [] }),
    timeZone: org.time_zone,
  };
}

/** The organisation at `level` on the way up from `orgId` (itself included). */
export async function ancestorAt(db: Db, orgId: string, level: OrgsTable['level']): Promise<OrgsTable | undefined> {
  const byId = new Map((await listOrgs(db)).map((o) => [o.id, o]));
  let org = byId.get(orgId);
  while (org && org.level !== level) org = org.parent_id ? byId.get(org.parent_id) : undefined;
  return org;
}
