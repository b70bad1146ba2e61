/** The monthly report as the API answers it (GET /api/reports/monthly), shared by the server and the console. */
import { z } from 'zod';
import { MEASURE_KEYS, type MeasureKey } from './measures.js';
import { REPORT_STATUSES, SUBMISSION_STATES } from './submission.js';

/** How a version came to be: the month-end snapshot (月末锁定) or a correction (更正). */
const origin = z.enum(['snapshot', 'correction']);

const measuresSchema = z.object(Object.fromEntries(MEASURE_KEYS.map((k) => [k, z.number().nullable()])) as Record<MeasureKey, z.ZodNullable<z.ZodNumber>>);
const level = z.enum(['county', 'township', 'village']);
export const reportRowSchema = z.object({ key: z.string(), name: z.string(), measures: measuresSchema });
export const centerRowSchema = z.object({ orgId: z.string(), name: z.string(), level, measures: measuresSchema });

export const monthlyReportSchema = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  org: z.object({ orgId: z.string(), name: z.string(), centerName: z.string(), level }),
  /** the figures come from a locked snapshot (false: the month as it stands now, not yet snapshotted) */
  locked: z.boolean(),
  dueDate: z.string(),
  upperName: z.string().nullable(),
  report: z
    .object({
      id: z.string(),
      version: z.number(),
      origin,
      status: z.enum(REPORT_STATUSES),
      state: z.enum(SUBMISSION_STATES),
      takenAt: z.string(),
      reason: z.string().nullable(),
      submittedAt: z.string().nullable(),
      submittedBy: z.string().nullable(),
      returnedAt: z.string().nullable(),
      returnedBy: z.string().nullable(),
      returnComment: z.string().nullable(),
      rowVersion: z.number(),
    })
    .nullable(),
  own: measuresSchema,
  total: measuresSchema,
  below: z.array(centerRowSchema),
  windows: z.array(reportRowSchema),
  items: z.array(reportRowSchema),
  departments: z.array(reportRowSchema),
  versions: z.array(z.object({ id: z.string(), version: z.number(), origin, takenAt: z.string(), takenBy: z.string().nullable(), reason: z.string().nullable(), status: z.enum(REPORT_STATUSES), current: z.boolean() })),
  events: z.array(z.object({ action: z.string(), version: z.number(), comment: z.string().nullable(), by: z.string().nullable(), at: z.string() })),
  can: z.object({ submit: z.boolean(), correct: z.boolean() }),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export const submissionListSchema = z.object({
  month: z.string(),
  dueDate: z.string(),
  centers: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      level,
      state: z.enum(SUBMISSION_STATES),
      late: z.boolean(),
      reportId: z.string().nullable(),
      version: z.number().nullable(),
      rowVersion: z.number().nullable(),
      submittedAt: z.string().nullable(),
      returnComment: z.string().nullable(),
    }),
  ),
  canReturn: z.boolean(),
});
export type SubmissionList = z.infer<typeof submissionListSchema>;

export const trendSchema = z.object({
  months: z.array(z.string()),
  series: z.array(z.object({ month: z.string(), locked: z.boolean(), measures: measuresSchema })),
});
export type MonthlyTrend = z.infer<typeof trendSchema>;
