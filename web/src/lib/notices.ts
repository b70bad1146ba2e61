/**
 * Which printed notices (DOMAIN.md "Printed notices") apply to a case, their names and titles, and the event each
 * records. Shared by the case page (its print buttons) and the notice page, so both always agree.
 */
export interface NoticeEvent {
  at: string;
  type: string;
  by: string;
  toStatus?: string | null | undefined;
}

/** The facts of a case the rules below read; both the case screens' and the notices' case shapes fit. */
export interface NoticeFacts<E extends NoticeEvent = NoticeEvent> {
  kind: string;
  status: string;
  outcome?: string | null | undefined;
  acceptedAt?: string | null | undefined;
  supplementNotice?: unknown;
  refusal?: unknown;
  jointDepartments: readonly string[];
  events: readonly E[];
}

export const NOTICE_TYPES = ['acceptance', 'supplement', 'return', 'joint', 'escalation', 'completion'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const isNoticeType = (value: string): value is NoticeType => (NOTICE_TYPES as readonly string[]).includes(value);

/** Short names for the menu of notices on the case and on the notice page. */
export const NOTICE_LABELS: Record<NoticeType, string> = {
  acceptance: '受理通知书',
  supplement: '一次性告知书',
  return: '退回件通知书',
  joint: '联办件告知书',
  escalation: '上报件告知书',
  completion: '办结通知书',
};

/** The title printed on the sheet, which may depend on the case (承诺件 / 取件). */
export function noticeTitle(type: NoticeType, c: NoticeFacts): string {
  switch (type) {
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
    case 'completion':
      return c.status === 'completed' && c.outcome === 'approved' ? '办结取件通知书' : '办结通知书';
  }
}

const ACCEPTED_STATUSES = ['in_progress', 'paused', 'completed', 'delivered'];

/** Why this notice cannot be printed for this case, or null when it can. */
export function notApplicable(type: NoticeType, c: NoticeFacts): string | null {
  switch (type) {
    case 'acceptance':
      return c.acceptedAt && ACCEPTED_STATUSES.includes(c.status) ? null : '该办件尚未受理（或已退回、撤回），不能出具受理通知书。';
    case 'supplement':
      return c.supplementNotice ? null : '该办件没有出具过一次性告知，无需打印一次性告知书。需要补正材料时，请先在办件页面办理“一次性告知补正”。';
    case 'return':
      return c.status === 'returned' && c.refusal ? null : '该办件未被退回，不能出具退回件通知书。';
    case 'joint':
      if (c.kind !== 'joint' || c.jointDepartments.length === 0) return '该办件不是联办件，无需出具联办件告知书。';
      return c.acceptedAt && ACCEPTED_STATUSES.includes(c.status) ? null : '该联办件尚未受理（或已退回、撤回），受理后才能出具联办件告知书。';
    case 'escalation':
      return c.kind === 'escalated' && c.status !== 'returned' && c.status !== 'withdrawn' ? null : '该办件不是上报件，无需出具上报件告知书。';
    case 'completion':
      return c.status === 'completed' || c.status === 'delivered' ? null : '该办件尚未办结，办结后才能出具办结通知书。';
  }
}

export const applicableNotices = (c: NoticeFacts): NoticeType[] => NOTICE_TYPES.filter((t) => notApplicable(t, c) === null);

const lastOf = <E extends NoticeEvent>(events: readonly E[], test: (e: E) => boolean): E | undefined => [...events].reverse().find(test);

/**
 * The event the notice records: its date is the notice's date, its author the responsible person
 * (the first responder at intake, or whoever did the action).
 */
export function noticeEvent<E extends NoticeEvent>(type: NoticeType, c: NoticeFacts<E>): E | undefined {
  const intake = c.events.find((e) => e.type === 'intake');
  const accepted = lastOf(c.events, (e) => e.type === 'accept') ?? lastOf(c.events, (e) => e.type === 'supplement' && e.toStatus === 'in_progress');
  switch (type) {
    case 'acceptance':
    case 'joint':
      return accepted ?? intake;
    case 'supplement':
      return lastOf(c.events, (e) => e.type === 'notify-supplement') ?? intake;
    case 'return':
      return lastOf(c.events, (e) => e.type === 'return') ?? lastOf(c.events, (e) => e.toStatus === 'returned') ?? intake;
    case 'escalation':
      return lastOf(c.events, (e) => e.type === 'escalate') ?? accepted ?? intake;
    case 'completion':
      return lastOf(c.events, (e) => e.type === 'complete') ?? intake;
  }
}

export const DELIVERY_NAMES: Record<'window' | 'mail' | 'agent', string> = {
  window: '窗口领取',
  mail: '邮寄送达',
  agent: '由村代办员送达',
};
