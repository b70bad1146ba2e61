/**
 * 月报报送 (issue 13 §1): villages submit to their township, townships to the county, by a configured day of the
 * following month (default the 5th). A version of a report is draft → submitted; the upper level may return a
 * submitted one with a comment (returned), which is then corrected (a new version, with its reason) or submitted
 * again. The county's own report goes to nobody. Pure: the caller gives today's local date.
 */
import { addCalendarDays, type IsoDate } from '../calendar/calendar.js';
import { addMonths } from '../calendar/months.js';
import type { OrgLevel } from '../orgs/tree.js';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_NAMES: Record<ReportStatus, string> = { draft: '待报送', submitted: '已报送', returned: '已退回' };

export const DEFAULT_DUE_DAY = 5;
/** The due day is a day every month has. */
export const MAX_DUE_DAY = 28;

/** What the upper level sees of a center below for one month. */
export const SUBMISSION_STATES = ['submitted', 'submitted_late', 'pending', 'late', 'returned', 'returned_late', 'missing'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_NAMES: Record<SubmissionState, string> = {
  submitted: '已按时报送',
  submitted_late: '逾期报送',
  pending: '未报送（未到期）',
  late: '逾期未报送',
  returned: '已退回待重报',
  returned_late: '已退回，逾期待重报',
  missing: '尚未生成月报',
};

/** Whose report goes where: a village's to its township, a township's to the county; the county's to nobody. */
export const submitsUpward = (level: OrgLevel): boolean => level !== 'county';

/** The last day to submit the report of `month`: the due day of the next month (clamped to 1..28). */
export function dueDateOf(month: string, dueDay: number): IsoDate {
  const day = Math.min(MAX_DUE_DAY, Math.max(1, Math.trunc(dueDay)));
  return `${addMonths(month, 1)}-${String(day).padStart(2, '0')}`;
}

/**
 * The state of a center's report for the upper level. `submittedOn`: the local date of the current version's
 * submission. A report submitted on the due day is on time; one not submitted after it is late.
 */
export function submissionState(report: { status: ReportStatus; submittedOn: IsoDate | null } | null, dueDate: IsoDate, today: IsoDate): SubmissionState {
  if (!report) return today > dueDate ? 'late' : 'missing';
  if (report.status === 'submitted') return report.submittedOn !== null && report.submittedOn > dueDate ? 'submitted_late' : 'submitted';
  // sent back, it is not submitted: after the due date it is as late as one never sent, until it is sent again
  if (report.status === 'returned') return today > dueDate ? 'returned_late' : 'returned';
  return today > dueDate ? 'late' : 'pending';
}

/** A late state the upper level marks in red. */
export const isLateState = (s: SubmissionState): boolean => s === 'late' || s === 'submitted_late' || s === 'returned_late';

/** Reminders go out from `daysBefore` days before the due date until the report is submitted. */
export function reminderDue(today: IsoDate, dueDate: IsoDate, daysBefore = 2): 'before' | 'today' | 'overdue' | null {
  if (today === dueDate) return 'today';
  if (today > dueDate) return 'overdue';
  return today >= addCalendarDays(dueDate, -daysBefore) ? 'before' : null;
}

export type ReportAction = 'submit' | 'return' | 'correct';

/** Why an action is not allowed on the current version in its status, in words the clerk can act on; null: allowed. */
export function actionRefusal(action: ReportAction, status: ReportStatus, level: OrgLevel): string | null {
  if (action === 'submit') {
    if (!submitsUpward(level)) return '县级月报无需向上报送。';
    if (status === 'submitted') return '该月报已报送，无需重复报送；如需修改请先“更正”生成新版本。';
    return null;
  }
  if (action === 'return') return status === 'submitted' ? null : '只有已报送的月报才能退回。';
  return null;
}

/** The status of a version just made by a correction: a draft, to be submitted again. */
export const statusAfter = (action: ReportAction): ReportStatus => (action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'draft');
