import type { Role } from '../../domain/roles.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { UsersTable } from '../../db/schema.js';
import { whereaboutsOf } from '../../domain/transparency/whereabouts.js';

/** `lockedUntil`: the lock-out in force on the user's name (login_failures), or null. */
export const presentUser = (row: UsersTable, lockedUntil: string | null) => ({
  id: row.id,
  username: row.username,
  name: row.name,
  roles: fromJson<Role[]>(row.roles, []),
  orgId: row.org_id,
  phone: row.phone,
  active: toBool(row.active),
  lockedUntil,
  mustChangePassword: toBool(row.must_change_password),
  lastLoginAt: row.last_login_at,
  away: toBool(row.away),
  awayReason: row.away_reason,
  awaySince: row.away_since,
  whereabouts: whereaboutsOf(toBool(row.away), row.whereabouts),
  photoHash: row.photo_hash ?? null,
  serviceStartDate: row.service_start_date ?? null,
  version: row.version,
});
