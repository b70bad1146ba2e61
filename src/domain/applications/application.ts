/**
 * Online application and pre-review (网上申请与预审, DOMAIN.md "Public hall", issue 11 §2). An applicant signed in to
 * the public hall applies for an item that allows it, uploading its materials (or relying on those already on file);
 * the receiving window pre-reviews it within one working day: accept (a case with channel `online` through the same
 * intake rules), a one-time notice online (一次性告知: every missing or defective material at once, the applicant
 * uploads into the same application and it comes back for pre-review), or return with reasons and their basis.
 *
 * The whole life of an application is the one table TRANSITIONS. A second notice may name only what the first named
 * or what the applicant uploaded since (a defect in the new upload): asking for something new later is exactly what
 * 一次性告知 forbids. Pure: the clock, the calendar and who acts are arguments.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { dueInstant, localDate, zonedInstant, type OfficeHours } from '../calendar/office-hours.js';
import type { OrgLevel } from '../orgs/tree.js';
import { materialKey } from './evidence.js';
import { missingMainMaterials, missingMainMessage } from './materials.js';

export const APPLICATION_STATUSES = ['pre_review', 'supplement_requested', 'accepted', 'returned', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = {
  pre_review: '待预审',
  supplement_requested: '待补正材料',
  accepted: '已受理',
  returned: '已退回',
  withdrawn: '已撤回',
};
/** The window owes a pre-review. */
export const AWAITING_WINDOW: readonly ApplicationStatus[] = ['pre_review'];

export const APPLICATION_ACTIONS = ['submit', 'accept', 'notify-supplement', 'resubmit', 'return', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export const APPLICATION_ACTION_NAMES: Record<ApplicationAction, string> = {
  submit: '提交申请',
  accept: '预审通过并受理',
  'notify-supplement': '一次性告知补正',
  resubmit: '补正后重新提交',
  return: '退回申请',
  withdraw: '撤回申请',
};

/** Who takes a step: the applicant (public hall) or the receiving window's staff. */
export type ApplicationParty = 'applicant' | 'window';

export const TRANSITIONS: Record<ApplicationAction, { from: readonly (ApplicationStatus | null)[]; to: ApplicationStatus; by: ApplicationParty }> = {
  submit: { from: [null], to: 'pre_review', by: 'applicant' },
  accept: { from: ['pre_review'], to: 'accepted', by: 'window' },
  'notify-supplement': { from: ['pre_review'], to: 'supplement_requested', by: 'window' },
  resubmit: { from: ['supplement_requested'], to: 'pre_review', by: 'applicant' },
  return: { from: ['pre_review'], to: 'returned', by: 'window' },
  withdraw: { from: ['pre_review', 'supplement_requested'], to: 'withdrawn', by: 'applicant' },
};

/** Pre-review within this many working days of (re)submission (DOMAIN.md). */
export const PRE_REVIEW_DAYS = 1;
export const TEXT_LIMITS = { reason: 500, basis: 500, note: 1000 } as const;

export interface MissingMaterial {
  material: string;
  /** what is wrong: 未提供, 照片不清晰, 已过期 … */
  reason: string;
}

export interface ApplicationStep {
  action: ApplicationAction;
  at: string;
  /** the staff member who acted; null for the applicant */
  by: string | null;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  text: string;
  /** notice: the missing materials; resubmit: the materials uploaded with it */
  materials: readonly MissingMaterial[] | readonly string[];
}

export interface ApplicationState {
  status: ApplicationStatus;
  submittedAt: string;
  /** the current pre-review's due instant; null when the window owes nothing */
  preReviewDueAt: string | null;
  /** every material named by a one-time notice so far */
  noticed: readonly string[];
  version: number;
  history: readonly ApplicationStep[];
}

export interface CenterClock {
  calendar: WorkingCalendar;
  hours: OfficeHours;
  timeZone: string;
}

export type ApplicationCommand =
  | {
      action: 'submit';
      guide: readonly { name: string; main: boolean }[];
      supplied: readonly string[];
      onFile: readonly string[];
      /** promised under 告知承诺 instead of provided (checked promisable: evidence.ts checkPromises) */
      promised?: readonly string[] | undefined;
    }
  | { action: 'accept'; note?: string | undefined }
  | { action: 'notify-supplement'; missing: readonly MissingMaterial[]; note?: string | undefined }
  | { action: 'resubmit'; uploaded: readonly string[] }
  | { action: 'return'; reason: string; basis: string }
  | { action: 'withdraw'; reason?: string | undefined };

export type ApplicationRuleCode =
  | 'APPLICATION_NOT_ALLOWED'
  | 'APPLICATION_WRONG_STATE'
  | 'APPLICATION_MATERIALS_MISSING'
  | 'APPLICATION_NOTICE_EMPTY'
  | 'APPLICATION_NOTICE_NOT_ONE_TIME'
  | 'APPLICATION_TEXT_REQUIRED'
  | 'APPLICATION_NOTHING_UPLOADED';

export type ApplicationDecision =
  | { ok: true; application: ApplicationState; step: ApplicationStep }
  | { ok: false; code: ApplicationRuleCode; message: string; status: 403 | 409 | 422 };

const refuse = (code: ApplicationRuleCode, message: string, status: 403 | 409 | 422 = 422): ApplicationDecision => ({ ok: false, code, message, status });

/** The pre-review's due instant: the close of office of the first working day after the (re)submission's day. */
/**
 * Online applications are pre-reviewed at a township or county window. A village room has no window to review them:
 * its agent registers the villager's request as an agent case instead.
 */
export const receivesOnlineApplications = (level: OrgLevel): boolean => level !== 'village';

/**
 * The materials the latest one-time notice asked for (by materialKey), while the application still waits for them;
 * a resubmission moves it on, so nothing is awaited outside 补正.
 */
export function awaitedMaterials(state: Pick<ApplicationState, 'status' | 'history'>): Set<string> {
  if (state.status !== 'supplement_requested') return new Set();
  const notice = [...state.history].reverse().find((s) => s.action === 'notify-supplement');
  return new Set(((notice?.materials ?? []) as readonly (string | MissingMaterial)[]).map((m) => materialKey(typeof m === 'string' ? m : m.material)));
}

export const preReviewDue = (at: Date, clock: CenterClock): string => dueInstant(clock.calendar, at, PRE_REVIEW_DAYS, clock.hours, clock.timeZone).toISOString();

/** The actions a party may take now (for the buttons). */
export function allowedApplicationActions(status: ApplicationStatus | null, party: ApplicationParty): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((a) => TRANSITIONS[a].by === party && TRANSITIONS[a].from.includes(status));
}

/**
 * Decides one step on an application (`app` null to submit one). The answer is the application after the step with
 * exactly one more step in its history, or a refusal with a Chinese sentence the applicant or the clerk can act on.
 */
export function decideApplication(
  app: ApplicationState | null,
  command: ApplicationCommand,
  ctx: { now: Date; party: ApplicationParty; userId: string | null; clock: CenterClock },
): ApplicationDecision {
  const t = TRANSITIONS[command.action];
  if (t.by !== ctx.party) {
    const who = t.by === 'window' ? '受理窗口的工作人员' : '申请人本人';
    return refuse('APPLICATION_NOT_ALLOWED', `${APPLICATION_ACTION_NAMES[command.action]}须由${who}办理。`, 403);
  }
  const from = app?.status ?? null;
  if (!t.from.includes(from)) {
    const now = from === null ? '尚未提交' : `现在是“${APPLICATION_STATUS_NAMES[from]}”`;
    return refuse('APPLICATION_WRONG_STATE', `该申请${now}，不能${APPLICATION_ACTION_NAMES[command.action]}。请刷新页面查看最新情况。`, 409);
  }
  const at = ctx.now.toISOString();
  let submittedAt = app?.submittedAt ?? at;
  let preReviewDueAt: string | null = null;
  let noticed = app?.noticed ?? [];
  let text = '';
  let materials: ApplicationStep['materials'] = [];

  switch (command.action) {
    case 'submit': {
      const lacking = missingMainMaterials(command.guide, [...command.supplied, ...command.onFile, ...(command.promised ?? [])]);
      if (lacking.length > 0) return refuse('APPLICATION_MATERIALS_MISSING', missingMainMessage(lacking));
      submittedAt = at;
      preReviewDueAt = preReviewDue(ctx.now, ctx.clock);
      materials = [...command.supplied];
      break;
    }
    case 'accept':
      text = (command.note ?? '').trim();
      break;
    case 'notify-supplement': {
      const missing = command.missing.map((m) => ({ material: m.material.trim(), reason: m.reason.trim() })).filter((m) => m.material);
      if (missing.length === 0) return refuse('APPLICATION_NOTICE_EMPTY', '请列出需要补正的每一项材料及原因，一次告知齐全。');
      const noReason = missing.find((m) => !m.reason);
      if (noReason) return refuse('APPLICATION_TEXT_REQUIRED', `请写明“${noReason.material}”需要补正的原因，如“未提供”“照片不清晰”“已过期”。`);
      // after the first notice: only what was noticed before or uploaded since may be named again
      const last = lastResubmission(app!);
      if (noticed.length > 0) {
        const allowed = new Set([...noticed, ...(last ?? [])].map(materialKey));
        const fresh = missing.filter((m) => !allowed.has(materialKey(m.material))).map((m) => m.material);
        if (fresh.length > 0) {
          return refuse(
            'APPLICATION_NOTICE_NOT_ONE_TIME',
            `一次性告知后不能再要求新的材料：${fresh.join('、')}不在上次告知的清单里，也不是申请人这次补传的材料。确需补充的，请退回申请并写明依据。`,
          );
        }
      }
      noticed = [...new Set([...noticed, ...missing.map((m) => m.material)])];
      text = (command.note ?? '').trim();
      materials = missing;
      break;
    }
    case 'resubmit': {
      const uploaded = [...new Set(command.uploaded.map((m) => m.trim()).filter(Boolean))];
      if (uploaded.length === 0) return refuse('APPLICATION_NOTHING_UPLOADED', '请先按告知单上传需要补正的材料，再重新提交。');
      preReviewDueAt = preReviewDue(ctx.now, ctx.clock);
      materials = uploaded;
      break;
    }
    case 'return': {
      const reason = command.reason.trim();
      const basis = command.basis.trim();
      if (!reason) return refuse('APPLICATION_TEXT_REQUIRED', '请写明退回的理由，让申请人知道为什么不能受理。');
      if (!basis) return refuse('APPLICATION_TEXT_REQUIRED', '请写明退回的依据，如办事指南的办理条件或有关规定的条款。');
      text = `${reason}（依据：${basis}）`;
      break;
    }
    case 'withdraw':
      text = (command.reason ?? '').trim();
      break;
  }
  const step: ApplicationStep = { action: command.action, at, by: ctx.userId, from, to: t.to, text, materials };
  return {
    ok: true,
    step,
    application: { status: t.to, submittedAt, preReviewDueAt, noticed, version: (app?.version ?? 0) + 1, history: [...(app?.history ?? []), step] },
  };
}

/** The materials uploaded with the latest resubmission, when the application came back after a notice. */
function lastResubmission(app: ApplicationState): readonly string[] | null {
  const step = [...app.history].reverse().find((s) => s.action === 'resubmit' || s.action === 'notify-supplement');
  return step?.action === 'resubmit' ? (step.materials as readonly string[]) : null;
}

// ------------------------------------------------------------------------------------------------- light

export type PreReviewLight = 'green' | 'yellow' | 'red';

/**
 * The pre-review's light: green, yellow from the start (00:00 in the center's zone) of its due day — the day it must
 * be done — and red once its due instant has passed (the instant itself is in time). None when the window owes
 * nothing. The due day is always a working day, so a Friday evening's application stays green over the weekend.
 */
export function preReviewLight(app: Pick<ApplicationState, 'status' | 'preReviewDueAt'>, now: Date, timeZone: string): PreReviewLight | null {
  if (!AWAITING_WINDOW.includes(app.status) || app.preReviewDueAt === null) return null;
  const due = Date.parse(app.preReviewDueAt);
  if (now.getTime() > due) return 'red';
  const dueDay = localDate(new Date(due), timeZone);
  return now.getTime() >= zonedInstant(dueDay, '00:00', timeZone).getTime() ? 'yellow' : 'green';
}
