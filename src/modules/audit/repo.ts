import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/context.js';

/** One row of the audit trail, written in the same transaction as the change it records. */
export const recordAudit = (
  db: Db,
  entry: { at: Date; userId: string | null; action: string; targetType: string; targetId?: string | null; detail?: unknown },
) =>
  db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: entry.at.toISOString(),
      user_id: entry.userId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
