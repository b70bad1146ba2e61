import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { z } from 'zod';
import { PageLoading } from '@/components/feedback/page-loading';
import { NotFoundPage, RouteError } from '@/components/feedback/route-error';
import { meQueryKey, meQueryOptions, type Me } from '@/lib/auth';
import { isApiError, setUnauthorizedHandler } from '@/lib/api-client';
import { can, ForbiddenError, type Permission } from '@/lib/authorization';
import { LEVELS } from '@/lib/levels';
import { MONTH_PATTERN } from '@domain/calendar/months';
import { CASE_STATUSES, SIX_KINDS } from '@domain/cases/model';
import { RULE_CODES } from '@domain/supervision/rules';
import { VIOLATION_STATUSES } from '@domain/supervision/violations';
import { CARD_LEVELS, CARD_STATUSES } from '@domain/supervision/cards';
import { RETENTION_PERIODS } from '@domain/archive/terms';
import { COMPLAINT_SOURCES, COMPLAINT_STATUSES, STAFF_SOURCES } from '@domain/complaints/complaints';
import { APPLICATION_STATUSES } from '@domain/applications/application';
import { PETITION_STATUSES } from '@domain/petitions/petitions';
import { CONSULTATION_CHANNELS, CONSULTATION_STATUSES } from '@domain/consultations/consultations';
import { RATING_CHANNELS } from '@domain/evaluation/channels';
import { LEVELS as RATING_LEVELS } from '@domain/evaluation/levels';
import { APPEAL_STATUSES } from '@domain/evaluation/appeals';
import { FIGURE_GROUPINGS } from '@domain/evaluation/figures';
import { WORK_ORDER_STATUSES } from '@domain/evaluation/work-orders';
import { queryClient } from '@/lib/query-client';
import { ConsoleLayout } from './layout/console-layout';
import { ledgerDrillSearch } from '@/features/dashboard/api/ledger-search';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Only a path inside the console is a place to return to after signing in. */
const safeRedirect = (value: string | undefined): string | undefined =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : undefined;

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: z.object({ redirect: z.string().optional(), expired: z.boolean().optional() }),
  component: lazyRouteComponent(() => import('@/pages/login'), 'LoginPage'),
});

/** Who is signed in, or off to the sign-in page (and back here afterwards). */
async function signedIn(queryClient: QueryClient, href: string): Promise<Me> {
  try {
    return await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      throw redirect({ to: '/login', search: { redirect: safeRedirect(href) } });
    }
    throw error;
  }
}

/** An account whose password an administrator set: this screen only, until the holder sets their own. */
const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password',
  beforeLoad: async ({ context, location }) => ({ me: await signedIn(context.queryClient, location.href) }),
  component: lazyRouteComponent(() => import('@/pages/change-password'), 'ChangePasswordPage'),
});

/** Everything behind sign-in. Loads who is signed in once; a missing session goes to the sign-in page. */
const consoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'console',
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    const me = await signedIn(context.queryClient, location.href);
    if (me.user.mustChangePassword) throw redirect({ to: '/password' });
    return { me };
  },
  component: ConsoleLayout,
  errorComponent: RouteError,
  pendingComponent: PageLoading,
});

const requirePermission =
  (permission: Permission) =>
  ({ context }: { context: { me: Me } }) => {
    if (!can(context.me.user.roles, permission)) throw new ForbiddenError(context.me.user.roles, permission);
  };

const orgSearch = z.object({ orgId: z.string().optional() });

const dashboardRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: '/',
  // the supervisor's drill-down: the center shown (default: their own organisation)
  validateSearch: orgSearch,
  component: lazyRouteComponent(() => import('@/pages/dashboard'), 'DashboardPage'),
});

export const catalogSearchSchema = z.object({
  q: z.string().optional(),
  level: z.enum(LEVELS).optional(),
  category: z.string().optional(),
  department: z.string().optional(),
  status: z.enum(['active', 'retired', 'all']).optional(),
});

const catalogRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'catalog',
  validateSearch: catalogSearchSchema,
  component: lazyRouteComponent(() => import('@/pages/catalog-list'), 'CatalogListPage'),
});

const catalogImportRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'catalog/import',
  beforeLoad: requirePermission('catalog.manage'),
  component: lazyRouteComponent(() => import('@/pages/catalog-import'), 'CatalogImportPage'),
});

const itemNewRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'catalog/new',
  beforeLoad: requirePermission('catalog.manage'),
  component: lazyRouteComponent(() => import('@/pages/item-edit'), 'ItemCreatePage'),
});

const itemRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'catalog/$code',
  component: lazyRouteComponent(() => import('@/pages/item-detail'), 'ItemDetailPage'),
});

const itemEditRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'catalog/$code/edit',
  beforeLoad: requirePermission('catalog.manage'),
  component: lazyRouteComponent(() => import('@/pages/item-edit'), 'ItemEditPage'),
});

const orgsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'orgs',
  validateSearch: orgSearch,
  beforeLoad: requirePermission('orgs.view'),
  component: lazyRouteComponent(() => import('@/pages/orgs'), 'OrgsPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'users',
  validateSearch: orgSearch,
  beforeLoad: requirePermission('users.view'),
  component: lazyRouteComponent(() => import('@/pages/users'), 'UsersPage'),
});

const windowsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'windows',
  validateSearch: orgSearch,
  beforeLoad: requirePermission('windows.manage'),
  component: lazyRouteComponent(() => import('@/pages/windows'), 'WindowsPage'),
});

const calendarRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'calendar',
  validateSearch: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
  component: lazyRouteComponent(() => import('@/pages/calendar'), 'CalendarPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'settings',
  beforeLoad: requirePermission('settings.manage'),
  component: lazyRouteComponent(() => import('@/pages/settings'), 'SettingsPage'),
});

const casesSearchSchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(SIX_KINDS).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  itemCode: z.string().optional(),
  q: z.string().optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  // the dashboards' numbers opened here (issue 9 §4): the same filter, so the ledger shows as many cases
  ...ledgerDrillSearch.shape,
});

const workRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'work',
  beforeLoad: requirePermission('cases.handle'),
  component: lazyRouteComponent(() => import('@/pages/my-work'), 'MyWorkPage'),
});

const presenceRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'presence',
  beforeLoad: requirePermission('cases.handle'),
  component: lazyRouteComponent(() => import('@/pages/presence'), 'PresencePage'),
});

const casesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'cases',
  validateSearch: casesSearchSchema,
  beforeLoad: requirePermission('cases.read'),
  component: lazyRouteComponent(() => import('@/pages/case-ledger'), 'CaseLedgerPage'),
});

const caseNewRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'cases/new',
  // ?ticket=<id>: opened by 开始办理 on the 叫号 page; the case is registered linked to that number (issue 12 §1)
  validateSearch: z.object({ ticket: z.string().optional() }),
  beforeLoad: requirePermission('cases.handle'),
  component: lazyRouteComponent(() => import('@/pages/case-intake'), 'CaseIntakePage'),
});

// 叫号 (issue 12 §1): the clerk's queue at their window
const whereaboutsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/whereabouts',
  beforeLoad: requirePermission('attendance.sign'),
  component: lazyRouteComponent(() => import('@/pages/whereabouts'), 'WhereaboutsPage'),
});

const attendanceRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/attendance',
  beforeLoad: requirePermission('attendance.sign'),
  component: lazyRouteComponent(() => import('@/pages/attendance'), 'AttendancePage'),
});

const leavesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/leaves',
  beforeLoad: requirePermission('attendance.sign'),
  component: lazyRouteComponent(() => import('@/pages/leaves'), 'LeavesPage'),
});

const hallQueueRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/queue',
  beforeLoad: requirePermission('hall.call'),
  component: lazyRouteComponent(() => import('@/pages/hall-queue'), 'HallQueuePage'),
});

// 大厅服务设置 and 排队统计 (issue 12 §1): the director's services of the hall, and the queue's figures
const hallServicesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/services',
  beforeLoad: requirePermission('hall.manage'),
  component: lazyRouteComponent(() => import('@/pages/hall-services'), 'HallServicesPage'),
});
const hallFiguresRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/figures',
  validateSearch: z.object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  }),
  beforeLoad: requirePermission('hall.manage'),
  component: lazyRouteComponent(() => import('@/pages/hall-figures'), 'HallFiguresPage'),
});

// 预约管理 (issue 12 §3): the day's bookings, phone bookings, check-in; the director's slot plans and no-shows
const appointmentsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/appointments',
  beforeLoad: requirePermission('appointments.window'),
  component: lazyRouteComponent(() => import('@/pages/appointments'), 'AppointmentsPage'),
});

// 领导带班值班表、领导接待、村固定办公日 (issue 12 §5)
const dutyRosterRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/duty-roster',
  validateSearch: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined) }),
  beforeLoad: requirePermission('duty.manage'),
  component: lazyRouteComponent(() => import('@/pages/duty-roster'), 'DutyRosterPage'),
});
const dutyReceptionsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/receptions',
  beforeLoad: requirePermission('duty.receive'),
  component: lazyRouteComponent(() => import('@/pages/duty-receptions'), 'DutyReceptionsPage'),
});
const villageOfficeDaysRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'hall/office-days',
  beforeLoad: requirePermission('duty.office-day'),
  component: lazyRouteComponent(() => import('@/pages/village-office-days'), 'VillageOfficeDaysPage'),
});

const caseRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'cases/$id',
  beforeLoad: requirePermission('cases.read'),
  component: lazyRouteComponent(() => import('@/pages/case-detail'), 'CaseDetailPage'),
});

const caseNoticeRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'cases/$id/notice/$type',
  beforeLoad: requirePermission('cases.read'),
  component: lazyRouteComponent(() => import('@/pages/case-notice'), 'CaseNoticePage'),
});

// a paper as it was printed (打印记录), rendered from the record's snapshot
const casePrintRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'cases/$id/prints/$printId',
  beforeLoad: requirePermission('cases.read'),
  component: lazyRouteComponent(() => import('@/pages/case-print'), 'CasePrintPage'),
});

const villagesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'villages',
  validateSearch: z.object({
    tab: z.enum(['batches', 'violations', 'monthly']).optional(),
    month: z.string().regex(MONTH_PATTERN).optional(),
  }),
  beforeLoad: requirePermission('cases.read'),
  component: lazyRouteComponent(() => import('@/pages/village-network'), 'VillageNetworkPage'),
});

const villageBatchRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'villages/batches/$id',
  beforeLoad: requirePermission('cases.read'),
  component: lazyRouteComponent(() => import('@/pages/village-batch'), 'VillageBatchPage'),
});

// 审计管理员: the audit log with its filters and the hash-chain check
const auditRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'audit',
  validateSearch: z.object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    userId: z.string().optional(),
    action: z.string().regex(/^[a-zA-Z][a-zA-Z.]*$/).optional(),
    page: z.coerce.number().int().min(1).optional(),
  }),
  beforeLoad: requirePermission('audit.read'),
  component: lazyRouteComponent(() => import('@/pages/audit'), 'AuditPage'),
});

// 系统管理员: scheduled jobs and the consumers of case events
const jobsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'jobs',
  beforeLoad: requirePermission('jobs.view'),
  component: lazyRouteComponent(() => import('@/pages/jobs'), 'JobsPage'),
});

// 督办单 (issue 9 §3): supervisors issue, close and raise; the center's director answers
const supervisionCardsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/cards',
  validateSearch: z.object({
    orgId: z.string().optional(),
    status: z.enum(CARD_STATUSES).optional(),
    level: z.enum(CARD_LEVELS).optional(),
    below: z.boolean().optional(),
    awaiting: z.boolean().optional(),
    late: z.boolean().optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: requirePermission('supervision.cards.read'),
  component: lazyRouteComponent(() => import('@/pages/supervision-cards'), 'SupervisionCardsPage'),
});

const supervisionCardRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/cards/$id',
  beforeLoad: requirePermission('supervision.cards.read'),
  component: lazyRouteComponent(() => import('@/pages/supervision-card'), 'SupervisionCardPage'),
});

const supervisionCardPrintRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/cards/$id/print',
  beforeLoad: requirePermission('supervision.cards.read'),
  component: lazyRouteComponent(() => import('@/pages/supervision-card-print'), 'SupervisionCardPrintPage'),
});

// 电子监察 (issue 9 §1): the violations of the viewer's tree, one violation, and the rules as data
const supervisionViolationsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/violations',
  validateSearch: z.object({
    orgId: z.string().optional(),
    ruleCode: z.enum(RULE_CODES).optional(),
    status: z.enum([...VIOLATION_STATUSES, 'undecided']).optional(),
    below: z.boolean().optional(),
    month: z.string().regex(MONTH_PATTERN).optional().catch(undefined),
    page: z.coerce.number().int().min(1).optional(),
  }),
  beforeLoad: requirePermission('supervision.view'),
  component: lazyRouteComponent(() => import('@/pages/supervision-violations'), 'SupervisionViolationsPage'),
});

// 监察月报 (issue 9 §4): a month's numbers per center below the chosen organisation, printed or as Excel
const supervisionReportRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/report',
  validateSearch: z.object({
    month: z.string().regex(MONTH_PATTERN).optional().catch(undefined),
    orgId: z.string().optional(),
  }),
  beforeLoad: requirePermission('supervision.view'),
  component: lazyRouteComponent(() => import('@/pages/supervision-report'), 'SupervisionReportPage'),
});

// 月度统计报表 (issue 13 §1): a center's monthly figures, their submission up the tree and the centers below
const monthlyReportsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'reports/monthly',
  validateSearch: z.object({
    month: z.string().regex(MONTH_PATTERN).optional().catch(undefined),
    orgId: z.string().optional(),
  }),
  beforeLoad: requirePermission('reports.view'),
  component: lazyRouteComponent(() => import('@/pages/monthly-reports'), 'MonthlyReportsPage'),
});

// 考核评分 (issue 13 §2): the month's 100-point scores, ranking, deductions, appeals and closing
const assessmentRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'assessment',
  validateSearch: z.object({ month: z.string().regex(MONTH_PATTERN).optional().catch(undefined) }),
  beforeLoad: requirePermission('assessment.view'),
  component: lazyRouteComponent(() => import('@/pages/assessment'), 'AssessmentPage'),
});
const assessmentRulesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'assessment/rules',
  beforeLoad: requirePermission('assessment.rules'),
  component: lazyRouteComponent(() => import('@/pages/assessment-rules'), 'AssessmentRulesPage'),
});

// 评先评优 (issue 13 §3): the quarterly 流动红旗, the yearly 标兵 and the year-end tiers, their A4 list, their settings
const awardsSearch = z.object({
  tab: z.enum(['quarterly', 'yearly', 'tiers']).optional().catch(undefined),
  orgId: z.string().optional(),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
const awardsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'awards',
  validateSearch: awardsSearch,
  beforeLoad: requirePermission('awards.read'),
  component: lazyRouteComponent(() => import('@/pages/awards'), 'AwardsPage'),
});
const awardsPrintRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'awards/print',
  validateSearch: awardsSearch.omit({ tab: true }).extend({ kind: z.enum(['quarterly', 'yearly', 'tiers']).catch('quarterly') }),
  beforeLoad: requirePermission('awards.read'),
  component: lazyRouteComponent(() => import('@/pages/awards-print'), 'AwardsPrintPage'),
});
const awardSettingsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'awards/settings',
  beforeLoad: requirePermission('settings.manage'),
  component: lazyRouteComponent(() => import('@/pages/award-settings'), 'AwardSettingsPage'),
});

// 标准化建设 (issue 13 §4): the table of every center's scores, one center's round, the checklists
const standardsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'standards',
  validateSearch: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) }),
  beforeLoad: requirePermission('standards.view'),
  component: lazyRouteComponent(() => import('@/pages/standards-table'), 'StandardsTablePage'),
});
const standardsRoundRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'standards/rounds/$id',
  beforeLoad: requirePermission('standards.view'),
  component: lazyRouteComponent(() => import('@/pages/standards-round'), 'StandardsRoundPage'),
});
const standardsChecklistsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'standards/checklists',
  beforeLoad: requirePermission('standards.checklists'),
  component: lazyRouteComponent(() => import('@/pages/standards-checklists'), 'StandardsChecklistsPage'),
});

// 立卷归档: the dossiers of finished cases and the 保管期限表; one dossier (?view=print: its 归档登记表 on A4)
const archiveRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'archive',
  validateSearch: z.object({
    tab: z.enum(['dossiers', 'retention']).optional().catch(undefined),
    year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
    period: z.enum(RETENTION_PERIODS).optional().catch(undefined),
    q: z.string().optional(),
    page: z.coerce.number().int().min(1).optional().catch(undefined),
    pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
  }),
  beforeLoad: requirePermission('archive.read'),
  component: lazyRouteComponent(() => import('@/pages/archive'), 'ArchivePage'),
});
const archiveDossierRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'archive/dossiers/$id',
  validateSearch: z.object({ view: z.enum(['print']).optional().catch(undefined) }),
  beforeLoad: requirePermission('archive.read'),
  component: lazyRouteComponent(() => import('@/pages/archive-dossier'), 'ArchiveDossierPage'),
});

const supervisionViolationRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/violations/$id',
  beforeLoad: requirePermission('supervision.view'),
  component: lazyRouteComponent(() => import('@/pages/supervision-violation'), 'SupervisionViolationPage'),
});

const supervisionRulesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'supervision/rules',
  beforeLoad: ({ context }) => {
    if (!can(context.me.user.roles, 'supervision.view') && !can(context.me.user.roles, 'supervision.rules')) throw new ForbiddenError(context.me.user.roles, 'supervision.view');
  },
  component: lazyRouteComponent(() => import('@/pages/supervision-rules'), 'SupervisionRulesPage'),
});

// 咨询 and the items' FAQ (issue 10 §3): log, the record, the questions waiting for an answer, the FAQ editor
const consultationNewRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'consultations/new',
  beforeLoad: requirePermission('consultations.log'),
  component: lazyRouteComponent(() => import('@/pages/consultation-new'), 'ConsultationNewPage'),
});

const consultationsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'consultations',
  validateSearch: z.object({
    itemCode: z.string().optional(),
    channel: z.enum(CONSULTATION_CHANNELS).optional().catch(undefined),
    status: z.enum(CONSULTATION_STATUSES).optional().catch(undefined),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
    q: z.string().optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: requirePermission('consultations.read'),
  component: lazyRouteComponent(() => import('@/pages/consultation-list'), 'ConsultationListPage'),
});

const consultationPendingRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'consultations/pending',
  beforeLoad: requirePermission('consultations.read'),
  component: lazyRouteComponent(() => import('@/pages/consultation-pending'), 'ConsultationPendingPage'),
});

// 政务公开的公告 (issue 11 §3): the director's (or the administrator's) notices on the center's public page
const publicNoticesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'notices',
  validateSearch: z.object({ orgId: z.string().optional() }),
  beforeLoad: requirePermission('notices.manage'),
  component: lazyRouteComponent(() => import('@/pages/public-notices'), 'PublicNoticesPage'),
});

const consultationFaqRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'consultations/faq',
  validateSearch: z.object({ itemCode: z.string().optional() }),
  beforeLoad: requirePermission('consultations.read'),
  component: lazyRouteComponent(() => import('@/pages/consultation-faq'), 'ConsultationFaqPage'),
});

// 好差评 (issue 10 §1): the ratings, paper entry, the window pads
const evaluationsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations',
  validateSearch: z.object({
    level: z.enum(RATING_LEVELS).optional().catch(undefined),
    channel: z.enum(RATING_CHANNELS).optional().catch(undefined),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: ({ context }) => {
    if (!can(context.me.user.roles, 'evaluations.read') && !can(context.me.user.roles, 'evaluations.enter')) throw new ForbiddenError(context.me.user.roles, 'evaluations.read');
  },
  component: lazyRouteComponent(() => import('@/pages/evaluations'), 'EvaluationsPage'),
});

// 差评整改工单, 申诉复核, 评价统计 (issue 10 §1)
const ratingWorkOrdersRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations/work-orders',
  validateSearch: z.object({
    orgId: z.string().optional(),
    status: z.enum(WORK_ORDER_STATUSES).optional(),
    light: z.enum(['green', 'yellow', 'red']).optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: requirePermission('evaluations.read'),
  component: lazyRouteComponent(() => import('@/pages/rating-work-orders'), 'RatingWorkOrdersPage'),
});

const ratingWorkOrderRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations/work-orders/$id',
  beforeLoad: requirePermission('evaluations.read'),
  component: lazyRouteComponent(() => import('@/pages/rating-work-order'), 'RatingWorkOrderPage'),
});

const ratingAppealsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations/appeals',
  validateSearch: z.object({ status: z.enum(APPEAL_STATUSES).optional(), page: z.coerce.number().int().min(1).optional() }),
  beforeLoad: requirePermission('evaluations.read'),
  component: lazyRouteComponent(() => import('@/pages/rating-appeals'), 'RatingAppealsPage'),
});

const ratingFiguresRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations/figures',
  validateSearch: z.object({
    orgId: z.string().optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    by: z.enum(FIGURE_GROUPINGS).optional(),
  }),
  beforeLoad: requirePermission('evaluations.read'),
  component: lazyRouteComponent(() => import('@/pages/rating-figures'), 'RatingFiguresPage'),
});

const ratingPadsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations/pads',
  beforeLoad: requirePermission('evaluations.pads'),
  component: lazyRouteComponent(() => import('@/pages/rating-pads'), 'RatingPadsPage'),
});

// 好差评时限 (系统管理员): the invitation and default-rating days, the 差评整改 working days
const ratingSettingsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'evaluations/settings',
  beforeLoad: requirePermission('settings.manage'),
  component: lazyRouteComponent(() => import('@/pages/rating-settings'), 'RatingSettingsPage'),
});

// Open311 接口密钥 (系统管理员): third parties' keys for /open311/v2/ (issue 11 §5)
const open311KeysRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'open311/keys',
  beforeLoad: requirePermission('open311.keys'),
  component: lazyRouteComponent(() => import('@/pages/open311-keys'), 'Open311KeysPage'),
});

// 消息通知: my inbox (everyone); the 短信记录 and the templates (系统管理员)
const messagesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'messages',
  component: lazyRouteComponent(() => import('@/pages/messages'), 'MessagesPage'),
});

const smsRecordsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'notifications/outbox',
  beforeLoad: requirePermission('notifications.view'),
  validateSearch: z.object({
    phone: z.string().optional(),
    status: z.enum(['pending', 'sent', 'failed']).optional(),
    channel: z.enum(['sms', 'inbox']).optional(),
    page: z.coerce.number().int().min(1).optional(),
  }),
  component: lazyRouteComponent(() => import('@/pages/sms-records'), 'SmsRecordsPage'),
});

const messageTemplatesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'notifications/templates',
  beforeLoad: requirePermission('notifications.view'),
  component: lazyRouteComponent(() => import('@/pages/message-templates'), 'MessageTemplatesPage'),
});

// 信访接待 (issue 10 §4): only the petition staff and the center's leadership
const petitionsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'petitions',
  validateSearch: z.object({
    status: z.enum(PETITION_STATUSES).optional(),
    group: z.boolean().optional(),
    open: z.boolean().optional(),
    q: z.string().optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: requirePermission('petitions.read'),
  component: lazyRouteComponent(() => import('@/pages/petition-ledger'), 'PetitionLedgerPage'),
});

const petitionNewRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'petitions/new',
  beforeLoad: requirePermission('petitions.handle'),
  component: lazyRouteComponent(() => import('@/pages/petition-registration'), 'PetitionRegistrationPage'),
});

// 信访时限 (系统管理员): calendar or working days
const petitionSettingsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'petitions/settings',
  beforeLoad: requirePermission('settings.manage'),
  component: lazyRouteComponent(() => import('@/pages/petition-settings'), 'PetitionSettingsPage'),
});

const petitionRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'petitions/$id',
  beforeLoad: requirePermission('petitions.read'),
  component: lazyRouteComponent(() => import('@/pages/petition-detail'), 'PetitionDetailPage'),
});

const petitionHandoverPrintRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'petitions/$id/handovers/$handoverId/print',
  beforeLoad: requirePermission('petitions.read'),
  component: lazyRouteComponent(() => import('@/pages/petition-handover-print'), 'PetitionHandoverPrintPage'),
});

const petitionNoticePrintRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'petitions/$id/notices/$seq/print',
  beforeLoad: requirePermission('petitions.read'),
  component: lazyRouteComponent(() => import('@/pages/petition-notice-print'), 'PetitionNoticePrintPage'),
});

// 网上申请预审 (issue 11 §2): the center's online applications and one application with its materials
const applicationsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'applications',
  validateSearch: z.object({
    status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
    // 否定报备: returns awaiting the director's review, objections awaiting the window's answer
    view: z.enum(['refusals-to-review', 'objections']).optional().catch(undefined),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: requirePermission('applications.review'),
  component: lazyRouteComponent(() => import('@/pages/application-queue'), 'ApplicationQueuePage'),
});

const applicationRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'applications/$id',
  beforeLoad: requirePermission('applications.review'),
  component: lazyRouteComponent(() => import('@/pages/application-detail'), 'ApplicationDetailPage'),
});

// 投诉 (issue 10 §2): the ledger with lights, registration, one complaint with its steps and timeline
const complaintsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'complaints',
  validateSearch: z.object({
    status: z.enum(COMPLAINT_STATUSES).optional().catch(undefined),
    light: z.enum(['green', 'yellow', 'red']).optional().catch(undefined),
    source: z.enum(COMPLAINT_SOURCES).optional().catch(undefined),
    orgId: z.string().optional(),
    q: z.string().optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  }),
  beforeLoad: requirePermission('complaints.read'),
  component: lazyRouteComponent(() => import('@/pages/complaint-ledger'), 'ComplaintLedgerPage'),
});

const complaintNewRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'complaints/new',
  // prefilled from elsewhere, e.g. 差评转投诉 on a 差评 work order: the source, the case number, what the rater wrote
  validateSearch: z.object({
    source: z.enum(STAFF_SOURCES).optional().catch(undefined),
    caseNo: z.string().max(40).optional().catch(undefined),
    title: z.string().max(100).optional().catch(undefined),
    content: z.string().max(2000).optional().catch(undefined),
    respondentUnit: z.string().max(60).optional().catch(undefined),
    respondentPerson: z.string().max(60).optional().catch(undefined),
  }),
  beforeLoad: requirePermission('complaints.handle'),
  component: lazyRouteComponent(() => import('@/pages/complaint-new'), 'ComplaintNewPage'),
});

const complaintLimitsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'complaints/limits',
  beforeLoad: requirePermission('complaints.settings'),
  component: lazyRouteComponent(() => import('@/pages/complaint-limits'), 'ComplaintLimitsPage'),
});

const complaintRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: 'complaints/$id',
  beforeLoad: requirePermission('complaints.read'),
  component: lazyRouteComponent(() => import('@/pages/complaint-detail'), 'ComplaintDetailPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  passwordRoute,
  consoleRoute.addChildren([
    applicationsRoute,
    applicationRoute,
    complaintsRoute,
    complaintNewRoute,
    complaintLimitsRoute,
    complaintRoute,
    petitionsRoute,
    petitionNewRoute,
    petitionSettingsRoute,
    petitionRoute,
    petitionHandoverPrintRoute,
    petitionNoticePrintRoute,
    dashboardRoute,
    catalogRoute,
    catalogImportRoute,
    itemNewRoute,
    itemRoute,
    itemEditRoute,
    orgsRoute,
    usersRoute,
    windowsRoute,
    calendarRoute,
    settingsRoute,
    workRoute,
    presenceRoute,
    casesRoute,
    caseNewRoute,
    hallQueueRoute,
    hallServicesRoute,
    hallFiguresRoute,
    whereaboutsRoute,
    attendanceRoute,
    leavesRoute,
    appointmentsRoute,
    dutyRosterRoute,
    dutyReceptionsRoute,
    villageOfficeDaysRoute,
    caseRoute,
    caseNoticeRoute,
    casePrintRoute,
    villagesRoute,
    villageBatchRoute,
    auditRoute,
    jobsRoute,
    messagesRoute,
    smsRecordsRoute,
    messageTemplatesRoute,
    open311KeysRoute,
    supervisionViolationsRoute,
    supervisionReportRoute,
    awardsRoute,
    awardsPrintRoute,
    awardSettingsRoute,
    monthlyReportsRoute,
    assessmentRoute,
    assessmentRulesRoute,
    standardsRoute,
    standardsRoundRoute,
    standardsChecklistsRoute,
    archiveRoute,
    archiveDossierRoute,
    supervisionViolationRoute,
    supervisionRulesRoute,
    supervisionCardsRoute,
    supervisionCardRoute,
    supervisionCardPrintRoute,
    consultationNewRoute,
    consultationsRoute,
    consultationPendingRoute,
    consultationFaqRoute,
    publicNoticesRoute,
    evaluationsRoute,
    ratingPadsRoute,
    ratingSettingsRoute,
    ratingWorkOrdersRoute,
    ratingWorkOrderRoute,
    ratingAppealsRoute,
    ratingFiguresRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  basepath: '/staff',
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: PageLoading,
  // A page's own failure (no permission, not found) shows inside the console, menu still there.
  defaultErrorComponent: RouteError,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// A request answered 401 (session expired or ended elsewhere): forget the person, go to sign-in, come back after.
setUnauthorizedHandler(() => {
  if (router.state.location.pathname === '/login') return;
  const here = router.state.location.href;
  void router
    .navigate({ to: '/login', search: { redirect: safeRedirect(here), expired: true } })
    .then(() => queryClient.removeQueries({ queryKey: meQueryKey }));
});
