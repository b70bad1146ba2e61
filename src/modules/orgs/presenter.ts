import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import { fromJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';

export const presentOrg = (row: OrgsTable) => ({
  id: row.id,
  parentId: row.parent_id,
  level: row.level,
  code: row.code,
  name: row.name,
  centerName: row.center_name,
  address: row.address,
  phone: row.phone,
  officeHours: fromJson<OfficeHours>(row.office_hours, { sessions: [] }),
  timeZone: row.time_zone,
  version: row.version,
});
export type OrgView = ReturnType<typeof presentOrg>;
