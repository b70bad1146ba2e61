/**
 * Which messages a step of a case causes (DOMAIN.md "Notifications", ARCHITECTURE.md "One case pipeline"): the
 * runner hands in the step's event, the state before and after, and the case's facts; this says what to put in the
 * outbox, and the runner writes it in the step's own transaction. Also the warnings when a case's light turns
 * yellow or red (rule 12). Pure: no I/O, no clock — the instants are handed in.
 *
 * Decided here where the issue is silent:
 * - An 即办件 accepted with the applicant (or their agent) in front of the clerk — at a window, kiosk or village
 *   room, at intake or when they bring the missing materials — gets no acceptance SMS: it is finished while they
 *   wait. Accepted where nobody is waiting — an online application accepted after pre-review, or a case accepted
 *   later by the center it was forwarded to — it does: otherwise the applicant learns nothing until it is done.
 *   It always gets the completion SMS.
 * - A case returned at intake gets no SMS (the applicant is standing at the window with the return notice); one
 *   returned later does, with its reasons.
 * - A later request for a defective material (after the one-time notice) is sent with the same template as the
 *   notice itself: for the applicant both say "bring these".
 * - A phone that is not a mainland mobile number (11 digits, 1[3-9]…) gets no SMS: the outbox would only fail.
 * - Each message's dedupe key names its cause (the event's id, or the light and the instant it changed), its
 *   template, channel and recipient: writing the same cause twice never sends twice.
 */
import type { Light } from '../cases/light.js';
import type { CaseChannel, CaseState, CaseStatus } from '../cases/model.js';
import type { OrgLevel } from '../orgs/tree.js';
import { asClause, messageTime, PROVISIONAL_NOTE, type MessageChannel, type TemplateCode } from './templates.js';

/** A message to put in the outbox (the shape of `enqueue` in src/modules/notifications/outbox.ts). */
export interface MessageDraft {
  channel: MessageChannel;
  /** sms: the phone number; inbox: the user id */
  to: string;
  template: TemplateCode;
  params: Record<string, string>;
  caseId?: string | null;
  /** unique: one cause never sends twice */
  dedupeKey: string;
}

/** What a message about the case says besides its state. */
export interface CaseMessageFacts {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantPhone: string;
  /** the name of the center the applicant came to (results and notices go back there) */
  centerName: string;
  receivingLevel: OrgLevel;
  /** how the case came in: says whether the applicant stood in front of the clerk */
  channel: CaseChannel;
  /** the zone the dates are written in */
  timeZone: string;
}

/** The event the step wrote, with the id it was written under. */
export interface StepEvent {
  id: string;
  type: string;
  from: CaseStatus | null;
  to: CaseStatus;
  data: Record<string, unknown>;
}

/** A mainland mobile number: what an SMS can reach. */
export const isMobile = (phone: string | null | undefined): phone is string => typeof phone === 'string' && /^1[3-9]\d{9}$/.test(phone);

/**
 * The applicant (or their agent) is in front of the clerk when this step accepts the case: the steps taken with
 * them there (intake, handing in the missing materials), on a channel where someone comes in person. An online
 * application is accepted at the clerk's desk with nobody waiting; a forwarded case is accepted ('accept') after
 * they left.
 */
export const applicantAtCounter = (channel: CaseChannel, eventType: string): boolean =>
  channel !== 'online' && (eventType === 'intake' || eventType === 'supplement');

const REASONS_MAX = 60;
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []);

/** The messages to the applicant that one step of the case causes; none for most steps. */
export function caseMessages(event: StepEvent, before: CaseState | null, after: CaseState, facts: CaseMessageFacts): MessageDraft[] {
  if (!isMobile(facts.applicantPhone)) return [];
  const when = (iso: string | null) => (iso ? messageTime(iso, facts.timeZone) : '');
  const provisional = after.dueProvisional ? PROVISIONAL_NOTE : '';
  const base = { center: facts.centerName, item: facts.itemName, caseNo: facts.caseNo };
  const sms = (template: TemplateCode, params: Record<string, string>): MessageDraft[] => [
    {
      channel: 'sms',
      to: facts.applicantPhone,
      template,
      params: { ...base, ...params },
      caseId: facts.caseId,
      dedupeKey: `case-event:${event.id}:${template}:sms`,
    },
  ];

  // accepted now: the clock started in this step (at intake, on 受理, or when the missing materials came)
  if ((before?.acceptedAt ?? null) === null && after.acceptedAt !== null && after.status === 'in_progress') {
    const doneWhileWaiting = after.kind === 'immediate' && applicantAtCounter(facts.channel, event.type);
    return doneWhileWaiting || after.dueAt === null ? [] : sms('case-accepted', { dueAt: when(after.dueAt), provisional });
  }
  switch (event.type) {
    case 'intake':
      return event.to === 'awaiting_supplement' ? sms('supplement-notice', { materials: names(event.data.missing).join('、') || '告知书所列材料' }) : [];
    case 'notify-supplement':
      return sms('supplement-notice', { materials: names(event.data.missing).join('、') || '告知书所列材料' });
    case 'supplement':
      // the materials are complete and a paused clock runs again
      return before?.clock === 'paused' && after.clock === 'running' && after.dueAt !== null
        ? sms('supplement-received', { dueAt: when(after.dueAt), provisional })
        : [];
    case 'approve-extension':
    case 'deadline-recomputed':
      if (before?.dueAt == null || after.dueAt === null || before.dueAt === after.dueAt) return [];
      return sms(event.type === 'approve-extension' ? 'extension-approved' : 'due-date-changed', {
        previousDueAt: when(before.dueAt),
        dueAt: when(after.dueAt),
        provisional,
      });
    case 'complete':
      return sms('case-completed', {
        outcome: after.outcome === 'denied' ? '不予批准（理由见不予批准决定书）' : '准予办理',
        pickup:
          facts.receivingLevel === 'village'
            ? `结果将送回${facts.centerName}，由村代办员转交，也可到${facts.centerName}领取。`
            : `请携带本人身份证到${facts.centerName}领取。`,
      });
    case 'return':
      // the template puts its own 。 after the reasons
      return sms('case-returned', { reasons: shorten(asClause(after.refusal?.reasons ?? '') || '详见退回件通知书', REASONS_MAX) });
    default:
      return [];
  }
}

/** Who is warned about a case's light: the responsible clerk and the director(s) of the center holding it. */
export interface WarningRecipient {
  userId: string;
  phone: string | null;
}

export interface LightWarningFacts {
  caseId: string;
  caseNo: string;
  itemName: string;
  /** the center holding the case (its director is warned) */
  centerName: string;
  dueAt: string | null;
  timeZone: string;
}

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** The light moved up to yellow or red: the one warned about (null when it did not, or went back). */
export function warnedLight(before: Light | null, after: Light | null): 'yellow' | 'red' | null {
  if (after !== 'yellow' && after !== 'red') return null;
  if (before !== null && RANK[before] >= RANK[after]) return null;
  return after;
}

/**
 * The warnings when a case turns yellow or red: an in-app message to each recipient, and an SMS to each who has a
 * mobile number. Once per change: the key names the light and the instant it changed (`changedAt`).
 */
export function lightWarnings(facts: LightWarningFacts, light: 'yellow' | 'red', changedAt: string, recipients: readonly WarningRecipient[]): MessageDraft[] {
  const template: TemplateCode = light === 'yellow' ? 'light-yellow' : 'light-red';
  const params = {
    center: facts.centerName,
    caseNo: facts.caseNo,
    item: facts.itemName,
    dueAt: facts.dueAt ? messageTime(facts.dueAt, facts.timeZone) : '办结期限',
  };
  const seen = new Set<string>();
  const out: MessageDraft[] = [];
  for (const r of recipients) {
    if (seen.has(r.userId)) continue;
    seen.add(r.userId);
    const key = (channel: MessageChannel) => `light:${facts.caseId}:${light}:${changedAt}:${channel}:${r.userId}`;
    out.push({ channel: 'inbox', to: r.userId, template, params, caseId: facts.caseId, dedupeKey: key('inbox') });
    if (isMobile(r.phone)) out.push({ channel: 'sms', to: r.phone, template, params, caseId: facts.caseId, dedupeKey: key('sms') });
  }
  return out;
}
