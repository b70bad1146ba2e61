import type { Role } from '../../domain/roles.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { UsersTable } from '../../db/schema.js';

export const presentUser = (row: UsersTable, now: Date) => ({
  id: row.id,
  username: row.username,
  name: row.name,
  roles: fromJson<Role[]>(row.roles, []),
  orgId: row.org_id,
  phone: row.phone,
  active: toBool(row.active),
  lockedUntil: row.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null,
  lastLoginAt: row.last_login_at,
  away: toBool(row.away),
  awayReason: row.away_reason,
  awaySince: row.away_since,
  version: row.version,
});
