import { randomUUID } from 'node:crypto';
import type { NoticeAction } from '../../domain/notices/notices.js';
import type { Db } from '../../server/context.js';
import * as repo from './repo.js';

/** The version `row` now is, kept as it was (who, when, what it said; a withdrawal's reason in `note`). */
export const keepVersion = (db: Db, row: repo.NoticeRow, action: NoticeAction, by: string, at: string, note: string | null = null) =>
  repo.insertVersion(db, {
    id: randomUUID(),
    notice_id: row.id,
    version: row.version,
    action,
    title: row.title,
    body: row.body,
    start_date: row.start_date,
    min_days: row.min_days,
    end_date: row.end_date,
    status: row.status,
    note,
    by_user_id: by,
    at,
  });
