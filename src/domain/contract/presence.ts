/** What the server answers about attendance, leave and whereabouts (issue 12 §4). */
import { z } from 'zod';
import { LEAVE_KINDS, LEAVE_STATUSES } from '../staff/leave.js';
import { WHEREABOUTS } from '../transparency/whereabouts.js';
import { instant } from './common.js';

const half = z.enum(['am', 'pm']);

export const attendanceRecordSchema = z.object({
  day: z.string(),
  workingDay: z.boolean(),
  signInAt: instant,
  signInTime: z.string(),
  late: z.boolean(),
  minutesLate: z.number().int(),
  signOutAt: instant.nullable(),
  signOutTime: z.string().nullable(),
  early: z.boolean(),
  minutesEarly: z.number().int(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

/** GET /api/attendance/today */
export const attendanceTodaySchema = z.object({
  day: z.string(),
  now: instant,
  workingDay: z.boolean(),
  officeHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  record: attendanceRecordSchema.nullable(),
  networkRestricted: z.boolean(),
  fromAllowedNetwork: z.boolean(),
  /** the address the server sees this browser at */
  address: z.string(),
});
export type AttendanceToday = z.infer<typeof attendanceTodaySchema>;

export const personMonthSchema = z.object({
  userId: z.string(),
  name: z.string(),
  post: z.string(),
  attendedDays: z.number(),
  late: z.number(),
  early: z.number(),
  leaveDays: z.record(z.enum(LEAVE_KINDS), z.number()),
  leaveTotal: z.number(),
  absentDays: z.number(),
  absentDates: z.array(z.string()),
});

/** GET /api/attendance/month */
export const attendanceMonthSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  workingDays: z.number().int(),
  judgedBefore: z.string(),
  canViewAll: z.boolean(),
  people: z.array(personMonthSchema),
});
export type AttendanceMonth = z.infer<typeof attendanceMonthSchema>;

/** GET/PUT /api/attendance/networks */
export const attendanceNetworksSchema = z.object({ orgId: z.string(), networks: z.array(z.string()), address: z.string(), fromAllowedNetwork: z.boolean() });

export const leaveSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(LEAVE_KINDS),
  fromDate: z.string(),
  fromHalf: half,
  toDate: z.string(),
  toHalf: half,
  periodText: z.string(),
  startsAt: instant,
  endsAt: instant,
  days: z.number(),
  reason: z.string(),
  status: z.enum(LEAVE_STATUSES),
  statusName: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  decisionReason: z.string().nullable(),
  /** the person is marked away by it now */
  underWay: z.boolean(),
  createdBy: z.string(),
  createdAt: instant,
  version: z.number().int(),
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type Leave = z.infer<typeof leaveSchema>;
export const leaveListSchema = z.object({ leaves: z.array(leaveSchema), canApprove: z.boolean() });

/** GET /api/whereabouts: the console's board */
export const whereaboutsBoardSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  date: z.string(),
  canManage: z.boolean(),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      post: z.string(),
      posts: z.array(z.object({ windowName: z.string(), post: z.enum(['A', 'B']) })),
      whereabouts: z.enum(WHEREABOUTS),
      /** staff only */
      note: z.string().nullable(),
      since: instant.nullable(),
      signInTime: z.string().nullable(),
      signOutTime: z.string().nullable(),
      late: z.boolean(),
      leave: z.object({ kind: z.enum(LEAVE_KINDS), periodText: z.string() }).nullable(),
      canSet: z.boolean(),
    }),
  ),
});
export type WhereaboutsBoard = z.infer<typeof whereaboutsBoardSchema>;

/** GET /api/hall/presence (public): names, posts and the kind only — never a phone, never the note. */
export const hallPresenceSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  date: z.string(),
  staff: z.array(z.object({ name: z.string(), post: z.string(), whereabouts: z.enum(WHEREABOUTS) })),
});
