/** A notice as staff see it (src/domain/notices/contract.ts): its state today in its center's zone, who did what. */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import type { Notice, NoticeDetail } from '../../domain/notices/contract.js';
import { NOTICE_ACTION_NAMES, isShown, withinMinimumPeriod, type NoticeAction, type NoticeState, type NoticeStatus } from '../../domain/notices/notices.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';
import type { NoticeRow, NoticeVersionRow } from './repo.js';

export const stateOf = (row: NoticeRow): NoticeState => ({ status: row.status as NoticeStatus, startDate: row.start_date, minDays: row.min_days, endDate: row.end_date });

function statusName(state: NoticeState, today: string): string {
  if (state.status === 'withdrawn') return '已撤下';
  if (today < state.startDate) return '待公示';
  if (isShown(state, today)) return '公示中';
  return '已到期';
}

export async function presentNotices(db: Db, rows: readonly NoticeRow[], orgs: ReadonlyMap<string, OrgsTable>, now: Date): Promise<Notice[]> {
  const people = await peopleByIds(db, rows.flatMap((r) => [r.created_by, r.withdrawn_by]));
  return rows.map((row) => {
    const org = orgs.get(row.org_id);
    const tz = org?.time_zone ?? 'Asia/Shanghai';
    const today = localDate(now, tz);
    const state = stateOf(row);
    const published = state.status === 'published';
    return {
      id: row.id,
      orgId: row.org_id,
      orgName: org?.center_name ?? '',
      title: row.title,
      body: row.body,
      startDate: row.start_date,
      minDays: row.min_days,
      endDate: row.end_date,
      minimumLastDay: addCalendarDays(row.start_date, row.min_days - 1),
      status: state.status,
      statusName: statusName(state, today),
      shown: isShown(state, today),
      reasonRequired: published && withinMinimumPeriod(state, now, tz),
      withdrawnAt: row.withdrawn_at,
      withdrawnByName: row.withdrawn_by ? (people.get(row.withdrawn_by)?.name ?? null) : null,
      withdrawReason: row.withdraw_reason,
      createdAt: row.created_at,
      createdByName: people.get(row.created_by)?.name ?? '',
      updatedAt: row.updated_at,
      version: row.version,
      allowedActions: published ? (['edit', 'withdraw'] as const).slice() : [],
    };
  });
}

export async function presentVersions(db: Db, rows: readonly NoticeVersionRow[]): Promise<NoticeDetail['versions']> {
  const people = await peopleByIds(db, rows.map((r) => r.by_user_id));
  return rows.map((v) => ({
    version: v.version,
    action: v.action as NoticeAction,
    actionName: NOTICE_ACTION_NAMES[v.action as NoticeAction],
    title: v.title,
    body: v.body,
    startDate: v.start_date,
    minDays: v.min_days,
    endDate: v.end_date,
    note: v.note,
    byName: people.get(v.by_user_id)?.name ?? '',
    at: v.at,
  }));
}
