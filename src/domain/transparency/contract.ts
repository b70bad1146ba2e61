/**
 * 政务公开 (DOMAIN.md "Transparency", issue 11 §3): what anyone may read about a center without signing in. No ID
 * number, no phone of an applicant or complainant, applicants' names masked (mask.ts), staff whereabouts by kind only.
 */
import { z } from 'zod';
import { isoDate, officeHoursSchema } from '../contract/common.js';
import { publicNoticeSchema } from '../notices/contract.js';
import { WHEREABOUTS } from './whereabouts.js';

const level = z.enum(['county', 'township', 'village']);
const centerNode = z.object({ id: z.string(), name: z.string(), level, levelName: z.string(), address: z.string().nullable(), phone: z.string().nullable() });
export const publicCenterTreeSchema = z.object({
  centers: z.array(centerNode.extend({ children: z.array(centerNode.extend({ children: z.array(centerNode) })) })),
});
export type PublicCenterTree = z.infer<typeof publicCenterTreeSchema>;
export type PublicCenterNode = z.infer<typeof centerNode>;

export const publicStaffSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** 中心主任、窗口工作人员 … */
  post: z.string(),
  windows: z.array(z.object({ name: z.string(), post: z.enum(['A', 'B']) })),
  whereabouts: z.enum(WHEREABOUTS),
  /**
   * The person's photo (GET /api/public/staff/{userId}/photo?v=<content hash>: the address changes with the photo,
   * so it may be kept for a year); null when there is none — the page then shows the name's first character and
   * asks for nothing.
   */
  photoUrl: z.string().nullable(),
});
export type PublicStaff = z.infer<typeof publicStaffSchema>;

export const monthFiguresSchema = z.object({
  month: z.string().describe('YYYY-MM'),
  received: z.number().int(),
  finished: z.number().int(),
  finishedOnTime: z.number().int(),
  /** finishedOnTime / finished; null when nothing was finished */
  onTimeRate: z.number().nullable(),
  rated: z.number().int(),
  /** 好评率 (src/domain/evaluation/figures.ts); null without ratings */
  goodRate: z.number().nullable(),
});
export type MonthFigures = z.infer<typeof monthFiguresSchema>;

export const complaintOutcomeSchema = z.object({ title: z.string(), upheld: z.boolean().nullable(), outcome: z.string(), date: isoDate });
export type ComplaintOutcome = z.infer<typeof complaintOutcomeSchema>;

export const publicCenterSchema = z.object({
  id: z.string(),
  name: z.string(),
  level,
  levelName: z.string(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string() })),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  supervisionPhone: z.string().nullable(),
  officeHours: officeHoursSchema,
  /** the center's local date the page speaks of */
  today: isoDate,
  staff: z.array(publicStaffSchema),
  /** this month, then last month */
  months: z.array(monthFiguresSchema),
  complaints: z.array(complaintOutcomeSchema),
  notices: z.array(publicNoticeSchema),
  /** the hall gives numbers: 手机取号 and 网上预约 are offered */
  takesNumbers: z.boolean(),
  /** 考核排名 (issue 13 §2): the latest closed month's ranking, when the county publishes it; absent otherwise */
  ranking: z
    .object({
      month: z.string(),
      windows: z.array(z.object({ name: z.string(), score: z.number(), rank: z.number().int() })),
      people: z.array(z.object({ name: z.string(), score: z.number(), rank: z.number().int() })),
    })
    .nullable()
    .optional(),
});
export type PublicCenter = z.infer<typeof publicCenterSchema>;

export const finishedCaseSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  /** 张** */
  applicantName: z.string(),
  finishedOn: isoDate,
  onTime: z.boolean(),
});
export const finishedCasesSchema = z.object({ results: z.array(finishedCaseSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type FinishedCases = z.infer<typeof finishedCasesSchema>;
