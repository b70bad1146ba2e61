/**
 * What the dashboards answer (issue 9 §4): GET /api/dashboard/director, /clerk and /supervisor. Every number here
 * is a count in SQL over stored lights and rows, and each says which ledger filter (GET /api/cases?…) lists the
 * same cases: the console opens the ledger with exactly that filter when a number is clicked.
 */
import { z } from 'zod';
import { ORG_LEVELS } from '../orgs/tree.js';
import { applicationSchema } from './applications.js';
import { RULE_CODES } from '../supervision/rules.js';
import { caseSummarySchema } from './cases.js';
import { instant, isoDate } from './common.js';

/** A few cases of a list (newest first) and how many the list holds: the ledger's total of the same filter. */
export const caseSampleSchema = z.object({ cases: z.array(caseSummarySchema), total: z.number().int() });
export type CaseSample = z.infer<typeof caseSampleSchema>;

const lightCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() });

/**
 * Open violations and open 督办 cards, from the supervision module. `available: false` while that module offers
 * no count (the numbers are then 0 and mean nothing).
 */
export const supervisionCountsSchema = z.object({
  available: z.boolean(),
  openViolations: z.number().int(),
  openCards: z.number().int(),
  /** cards whose reply date has passed without an answer */
  lateCards: z.number().int(),
});

const staffMember = z.object({
  id: z.string(),
  name: z.string(),
  awayReason: z.string().nullable(),
  awaySince: instant.nullable(),
  /** windows and posts (A/B) the person holds */
  posts: z.array(z.object({ windowId: z.string(), windowName: z.string(), post: z.enum(['A', 'B']) })),
});

/** GET /api/dashboard/director: the director's (or leader's) center, exceptions first. */
export const directorDashboardSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** the center's local date */
  today: isoDate,
  /** open cases by stored light: GET /api/cases/lights */
  lights: lightCounts,
  red: caseSampleSchema,
  yellow: caseSampleSchema,
  /** ?view=due-today */
  dueToday: caseSampleSchema,
  /** ?view=extensions */
  extensions: caseSampleSchema,
  /** ?view=refusals-to-review */
  refusalsToReview: caseSampleSchema,
  /**
   * Online applications returned at pre-review and not reviewed yet: the same register beside the returned cases
   * (GET /api/applications?view=refusals-to-review)
   */
  applicationRefusalsToReview: z.object({ applications: z.array(applicationSchema), total: z.number().int() }),
  presence: z.object({
    present: z.array(staffMember),
    away: z.array(staffMember),
    /** windows nobody works now */
    unmanned: z.array(z.object({ windowId: z.string(), windowName: z.string() })),
  }),
  /** today's numbers of the scope: received (?from=today&to=today), accepted, completed (?completedFrom=…), returned */
  todayNumbers: z.object({ received: z.number().int(), accepted: z.number().int(), completed: z.number().int(), returned: z.number().int() }),
  supervision: supervisionCountsSchema,
});
export type DirectorDashboard = z.infer<typeof directorDashboardSchema>;

/** GET /api/dashboard/clerk: my red and yellow cases and what is due today, at my windows and as first responder. */
export const clerkDashboardSchema = z.object({
  today: isoDate,
  /** open cases at the windows I work now (?view=mine&light=…, ?view=mine&dueToday=true) */
  mine: z.object({ red: caseSampleSchema, yellow: caseSampleSchema, dueToday: caseSampleSchema }),
  /** cases I first received, wherever they are now (?view=first-responded&light=…) */
  firstResponded: z.object({ red: caseSampleSchema, yellow: caseSampleSchema, dueToday: caseSampleSchema }),
});
export type ClerkDashboard = z.infer<typeof clerkDashboardSchema>;

/** Counts of a center and everything below it, or of a window; each is the ledger's total of one filter. */
export const supervisionNumbersSchema = z.object({
  /** open cases by stored light (?orgId=&light=) */
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  /** open cases past their due date now (?orgId=&overdue=true) */
  overdue: z.number().int(),
  /** completed this month (?orgId=&completedFrom=&completedTo=) */
  completed: z.number().int(),
  /** cases received this month that were returned or denied (?orgId=&view=refusals&from=&to=) */
  refusals: z.number().int(),
});
export type SupervisionNumbers = z.infer<typeof supervisionNumbersSchema>;

/**
 * A center's open violations (not decided yet: 待说明, 已说明 — GET /api/supervision/violations?orgId=&below=true&
 * status=undecided), by rule (…&ruleCode=), and its 督办单 awaiting an answer (GET /api/supervision/cards?orgId=&
 * below=true&awaiting=true) and of those the late ones (…&late=true): the center and everything below it.
 */
export const centerSupervisionSchema = z.object({
  openViolations: z.number().int(),
  /** rules with at least one open violation, in rule order */
  byRule: z.array(z.object({ ruleCode: z.enum(RULE_CODES), number: z.string(), name: z.string(), count: z.number().int() })),
  openCards: z.number().int(),
  lateCards: z.number().int(),
});
export type CenterSupervision = z.infer<typeof centerSupervisionSchema>;

export const dashboardCenterSchema = z.object({
  orgId: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
  name: z.string(),
  centerName: z.string(),
  /** 0 for the center asked for, 1 for its children … */
  depth: z.number().int(),
  /** the center and everything below it */
  numbers: supervisionNumbersSchema,
  supervision: centerSupervisionSchema,
});
export type DashboardCenter = z.infer<typeof dashboardCenterSchema>;

/** GET /api/dashboard/supervisor?orgId=: the tree below the viewer, a center's windows, twelve months. */
export const supervisorDashboardSchema = z.object({
  /** the center asked for (default: the viewer's own organisation) and the path down to it from the viewer's */
  root: z.object({ orgId: z.string(), name: z.string(), centerName: z.string(), level: z.enum(ORG_LEVELS) }),
  path: z.array(z.object({ orgId: z.string(), name: z.string() })),
  /** this month, local dates (the completed and refusals columns) */
  month: z.object({ from: isoDate, to: isoDate }),
  /** the root first, then every center below it in tree order */
  centers: z.array(dashboardCenterSchema),
  /** the root center's own windows, each with its cases' numbers (?windowId=) */
  windows: z.array(z.object({ windowId: z.string(), name: z.string(), numbers: supervisionNumbersSchema })),
  /** twelve months up to this one, oldest first: received and completed (case events), overdue (due that month, not completed in time) */
  trends: z.array(z.object({ month: z.string(), received: z.number().int(), completed: z.number().int(), overdue: z.number().int() })),
  supervision: supervisionCountsSchema,
});
export type SupervisorDashboard = z.infer<typeof supervisorDashboardSchema>;
