/**
 * 评先评优 (issue 13 §3): GET /api/awards/quarterly (优质服务窗口·流动红旗), /api/awards/yearly (优质服务标兵),
 * /api/awards/tiers (年终考核档次), and the settings (GET/PUT /api/awards/settings). What the rules are:
 * src/domain/assessment/awards.ts.
 */
import { z } from 'zod';
import { ORG_LEVELS } from '../orgs/tree.js';
import { instant, isoDate } from './common.js';

const whole = (min: number, max: number, message: string) => z.number({ error: message }).int(message).min(min, message).max(max, message);

export const awardSettingsSchema = z.object({
  flagTop: whole(1, 100, '流动红旗的名次请填写 1 至 100 的整数'),
  flagTimes: whole(1, 12, '流动红旗的次数请填写 1 至 12 的整数'),
  modelTop: whole(1, 100, '优质服务标兵的名次请填写 1 至 100 的整数'),
  tierShares: z.tuple([whole(0, 100, '第一档比例请填写 0 至 100 的整数'), whole(0, 100, '第二档比例请填写 0 至 100 的整数'), whole(0, 100, '第三档比例请填写 0 至 100 的整数')]),
  minServiceMonths: whole(0, 36, '服务年限要求请填写 0 至 36 的整数月数'),
  maxDeducted: z.number({ error: '全年扣分上限请填写分数' }).min(0, '全年扣分上限不能为负数').max(1200, '全年扣分上限不超过 1200 分'),
});

const center = z.object({ orgId: z.string(), name: z.string() });

const common = {
  scope: z.object({
    orgId: z.string(),
    name: z.string(),
    centerName: z.string(),
    level: z.enum(ORG_LEVELS),
    /** the centers of the scope taking part in the assessment (with windows, or with results in the year) */
    centers: z.array(center),
  }),
  settings: awardSettingsSchema,
  months: z.array(z.string()),
  /** months every center taking part has closed: the only months ranked */
  held: z.array(z.string()),
  /** months a center has not closed (or that are not over yet): not ranked for anyone */
  missing: z.array(z.object({ month: z.string(), centers: z.array(center), notOver: z.boolean() })),
  /** every month of the period is ranked: the list is final */
  complete: z.boolean(),
  generatedAt: instant,
};

const AWARD_STATUSES = ['awarded', 'possible', 'out'] as const;
const topEntry = z.object({
  subjectId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  ranks: z.array(z.object({ month: z.string(), rank: z.number().int().nullable(), score: z.number().nullable() })),
  timesInTop: z.number().int(),
  /** awarded: has it; possible: can still get it once the missing months close; out: can no longer get it */
  status: z.enum(AWARD_STATUSES),
});
export type TopEntry = z.infer<typeof topEntry>;

export const quarterlyAwardSchema = z.object({
  ...common,
  quarter: z.string(),
  top: z.number().int(),
  /** the setting (at least M times) */
  times: z.number().int(),
  /** min(M, the quarter's three monthly rankings) */
  required: z.number().int(),
  entries: z.array(topEntry),
});
export type QuarterlyAward = z.infer<typeof quarterlyAwardSchema>;

export const yearlyAwardSchema = z.object({
  ...common,
  year: z.number().int(),
  top: z.number().int(),
  required: z.number().int(),
  entries: z.array(topEntry),
});
export type YearlyAward = z.infer<typeof yearlyAwardSchema>;

export const TIER_NOTES = ['short_service', 'over_deducted', 'tie_at_first', 'tie_at_third'] as const;

export const tierListSchema = z.object({
  ...common,
  year: z.number().int(),
  /** people in the tiers */
  counted: z.number().int(),
  /** places of each tier (floor of its share; the first at least one) */
  places: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  /** people in each tier (a tier never takes more than its places) */
  sizes: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  /** started after this day: under the required service at the end of the year */
  serviceCutoff: isoDate,
  entries: z.array(
    z.object({
      subjectId: z.string(),
      name: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      quarterScores: z.array(z.number().nullable()),
      yearScore: z.number(),
      deducted: z.number(),
      serviceStart: isoDate.nullable(),
      rank: z.number().int().nullable(),
      tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
      notes: z.array(z.enum(TIER_NOTES)),
    }),
  ),
});
export type TierList = z.infer<typeof tierListSchema>;
