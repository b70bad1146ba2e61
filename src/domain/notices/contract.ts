/**
 * What the server answers about a center's 公告 (issue 11 §3): the staff view with its versions, and the public
 * view (only what the 政务公开 page shows).
 */
import { z } from 'zod';
import { instant, isoDate } from '../contract/common.js';
import { NOTICE_ACTIONS, NOTICE_STATUSES } from './notices.js';

export const noticeSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  body: z.string(),
  startDate: isoDate,
  minDays: z.number().int(),
  endDate: isoDate.nullable(),
  /** the last local day of the minimum display period */
  minimumLastDay: isoDate,
  status: z.enum(NOTICE_STATUSES),
  /** 公示中 / 待公示 / 已到期 / 已撤下 */
  statusName: z.string(),
  /** the public sees it today */
  shown: z.boolean(),
  /** withdrawing it now needs a reason */
  reasonRequired: z.boolean(),
  withdrawnAt: instant.nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  createdAt: instant,
  createdByName: z.string(),
  updatedAt: instant,
  version: z.number().int(),
  allowedActions: z.array(z.enum(['edit', 'withdraw'])),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeVersionSchema = z.object({
  version: z.number().int(),
  action: z.enum(NOTICE_ACTIONS),
  actionName: z.string(),
  title: z.string(),
  body: z.string(),
  startDate: isoDate,
  minDays: z.number().int(),
  endDate: isoDate.nullable(),
  note: z.string().nullable(),
  byName: z.string(),
  at: instant,
});
export const noticeDetailSchema = noticeSchema.extend({ versions: z.array(noticeVersionSchema) });
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

export const noticeListSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** the centers whose notices the person may manage */
  centers: z.array(z.object({ id: z.string(), name: z.string() })),
  notices: z.array(noticeSchema),
});
export type NoticeList = z.infer<typeof noticeListSchema>;

export const publicNoticeSchema = z.object({ id: z.string(), title: z.string(), body: z.string(), startDate: isoDate, endDate: isoDate.nullable() });
export type PublicNotice = z.infer<typeof publicNoticeSchema>;
