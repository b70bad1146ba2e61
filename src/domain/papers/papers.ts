/**
 * The printed papers of a case (DOMAIN.md "Printed notices"): which apply to a case, their names and titles, the
 * event each records and the fixed wording every issuer prints the same way. Pure: the case is plain data.
 * Shared by the server (print records) and, bundled, by the console and the agent app, so all three agree.
 */

export interface PaperEvent {
  at: string;
  type: string;
  by: string;
  /** the organisation of the person who did it: the center that performed the act (rule 10) */
  orgId?: string | null | undefined;
  toStatus?: string | null | undefined;
  data?: unknown;
}

/** The facts of a case the rules below read; the server's and both web apps' case shapes fit. */
export interface PaperFacts<E extends PaperEvent = PaperEvent> {
  kind: string;
  status: string;
  outcome?: string | null | undefined;
  acceptedAt?: string | null | undefined;
  supplementNotice?: unknown;
  refusal?: unknown;
  jointDepartments: readonly string[];
  events: readonly E[];
}

export const PAPER_KINDS = ['acceptance', 'supplement', 'return', 'joint', 'escalation', 'extension', 'completion'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const isPaperKind = (value: string): value is PaperKind => (PAPER_KINDS as readonly string[]).includes(value);

/** Short names for the menus of papers and the print records. */
export const PAPER_LABELS: Record<PaperKind, string> = {
  acceptance: '受理通知书',
  supplement: '一次性告知书',
  return: '退回件通知书',
  joint: '联办件告知书',
  escalation: '上报件告知书',
  extension: '延期告知书',
  completion: '办结通知书',
};

/** The title printed on the sheet, which may depend on the case (承诺件 / 取件). */
export function paperTitle(paper: PaperKind, c: PaperFacts): string {
  switch (paper) {
    case 'acceptance':
      return c.kind === 'immediate' ? '受理通知书' : '承诺件受理通知书';
    case 'supplement':
      return '补正材料一次性告知书';
    case 'return':
      return '退回件通知书';
    case 'joint':
      return '联办件告知书';
    case 'escalation':
      return '上报件告知书';
    case 'extension':
      return '延期告知书';
    case 'completion':
      return c.status === 'completed' && c.outcome === 'approved' ? '办结取件通知书' : '办结通知书';
  }
}

const ACCEPTED_STATUSES = ['in_progress', 'paused', 'completed', 'delivered'];
const accepted = (c: PaperFacts) => Boolean(c.acceptedAt) && ACCEPTED_STATUSES.includes(c.status);

/** Why this paper cannot be printed for this case, or null when it can. */
export function paperNotApplicable(paper: PaperKind, c: PaperFacts): string | null {
  switch (paper) {
    case 'acceptance':
      return accepted(c) ? null : '该办件尚未受理（或已退回、撤回），不能出具受理通知书。';
    case 'supplement':
      return c.supplementNotice ? null : '该办件没有出具过一次性告知，无需打印一次性告知书。需要补正材料时，请先在办件页面办理“一次性告知补正”。';
    case 'return':
      return c.status === 'returned' && c.refusal ? null : '该办件未被退回，不能出具退回件通知书。';
    case 'joint':
      if (c.kind !== 'joint' || c.jointDepartments.length === 0) return '该办件不是联办件，无需出具联办件告知书。';
      return accepted(c) ? null : '该联办件尚未受理（或已退回、撤回），受理后才能出具联办件告知书。';
    case 'escalation':
      if (c.kind !== 'escalated' || c.status === 'returned' || c.status === 'withdrawn') return '该办件不是上报件，无需出具上报件告知书。';
      return accepted(c) ? null : '该上报件尚未受理，受理后才能出具上报件告知书。';
    case 'extension':
      return c.events.some((e) => e.type === 'approve-extension') ? null : '该办件没有经批准的延期，不能出具延期告知书。';
    case 'completion':
      return c.status === 'completed' || c.status === 'delivered' ? null : '该办件尚未办结，办结后才能出具办结通知书。';
  }
}

export const applicablePapers = (c: PaperFacts): PaperKind[] => PAPER_KINDS.filter((p) => paperNotApplicable(p, c) === null);

const lastOf = <E extends PaperEvent>(events: readonly E[], test: (e: E) => boolean): E | undefined => [...events].reverse().find(test);

/**
 * The event the paper records: its date is the paper's date, its author the responsible person, its center the
 * issuer (rule 10). The one-time notice is the FIRST notify-supplement (later ones record defects, rule 1).
 */
export function paperEvent<E extends PaperEvent>(paper: PaperKind, c: PaperFacts<E>): E | undefined {
  const intake = c.events.find((e) => e.type === 'intake');
  const acceptance =
    lastOf(c.events, (e) => e.type === 'accept') ??
    lastOf(c.events, (e) => e.type === 'supplement' && e.toStatus === 'in_progress') ??
    intake;
  switch (paper) {
    case 'acceptance':
    case 'joint':
      return acceptance;
    case 'supplement':
      return c.events.find((e) => e.type === 'notify-supplement') ?? intake;
    case 'return':
      return lastOf(c.events, (e) => e.type === 'return') ?? lastOf(c.events, (e) => e.toStatus === 'returned') ?? intake;
    case 'escalation':
      return lastOf(c.events, (e) => e.type === 'escalate') ?? acceptance;
    case 'extension':
      return lastOf(c.events, (e) => e.type === 'approve-extension');
    case 'completion':
      return lastOf(c.events, (e) => e.type === 'complete') ?? intake;
  }
}

/** The applicant's remedies against a refusal or denial (rule 10): the bodies named generally, as the law does. */
export const REMEDIES_TEXT =
  '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。';

/** Printed after a due date whose year's official holiday arrangement is not loaded yet (rule 3). */
export const PROVISIONAL_MARK = '（暂定）';

const dataOf = (e: PaperEvent | undefined): Record<string, unknown> =>
  e && typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : {};
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export interface ExtensionFacts {
  reason: string | null;
  days: number | null;
  /** the due date before the extension, when the case's events recorded it */
  previousDueAt: string | null;
  /** the due date after it */
  dueAt: string | null;
}

/**
 * What a 延期告知书 states, from the events: the approved request's reason and days, the due date before (the
 * last one any earlier event recorded) and after. The reason is the one of the request the director approved.
 */
export function extensionFacts<E extends PaperEvent>(c: PaperFacts<E>, fallbackDueAt: string | null = null): ExtensionFacts | null {
  const index = c.events.findLastIndex((e) => e.type === 'approve-extension');
  if (index < 0) return null;
  const approval = c.events[index]!;
  const earlier = c.events.slice(0, index);
  const request = lastOf(earlier, (e) => e.type === 'request-extension');
  const days = dataOf(request).days;
  const before = dataOf(approval).previousDueAt ?? dataOf(lastOf(earlier, (e) => text(dataOf(e).dueAt) !== null)).dueAt;
  return {
    reason: text(dataOf(request).reason),
    days: typeof days === 'number' ? days : null,
    previousDueAt: text(before),
    dueAt: text(dataOf(approval).dueAt) ?? fallbackDueAt,
  };
}
