/**
 * 投诉 (complaints, DOMAIN.md "Complaints", REFERENCES.md GB/T 36113 and 12345 practice, issue 10 §2).
 *
 * A complaint comes in at the window, by phone, in writing, online (the public page), from a 差评 (with the rated
 * case's number) or forwarded from 12345 (with its work-order number), and is registered with the fields of
 * GB/T 39046 表10. It then runs 受理 → 调查 → 处置 → 反馈 → 回访 → 归档; it may be extended once with a reason told to
 * the complainant, and a repeated complaint on the same matter is merged (并单) into a main one.
 *
 * The whole life of a complaint is the one table TRANSITIONS. Pure: the clock, the calendar, the limits and who acts
 * are arguments.
 */
import { addWorkingDays, countWorkingDays, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import type { Role } from '../roles.js';
import { normalizeCaseNo } from '../cases/case-number.js';

export const COMPLAINT_SOURCES = ['window', 'phone', 'written', 'online', 'bad_rating', 'hotline_12345'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
export const COMPLAINT_SOURCE_NAMES: Record<ComplaintSource, string> = {
  window: '窗口现场',
  phone: '电话',
  written: '书面（信件）',
  online: '网上投诉',
  bad_rating: '差评转投诉',
  hotline_12345: '12345 热线转办',
};
/** Sources staff register (online complaints come through the public page). */
export const STAFF_SOURCES = ['window', 'phone', 'written', 'bad_rating', 'hotline_12345'] as const satisfies readonly ComplaintSource[];

/** 简单 / 复杂: decides the time limit (settings). */
export const COMPLAINT_CLASSES = ['simple', 'complex'] as const;
export type ComplaintClass = (typeof COMPLAINT_CLASSES)[number];
export const COMPLAINT_CLASS_NAMES: Record<ComplaintClass, string> = { simple: '简单投诉', complex: '复杂投诉' };

export const COMPLAINT_STATUSES = ['registered', 'accepted', 'investigated', 'handled', 'answered', 'visited', 'archived', 'merged'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_NAMES: Record<ComplaintStatus, string> = {
  registered: '待受理',
  accepted: '已受理，调查中',
  investigated: '已调查，待处置',
  handled: '已处置，待反馈',
  answered: '已反馈，待回访',
  visited: '已回访，待归档',
  archived: '已归档',
  merged: '已并单',
};
/** What the complainant reads on the public query (plain words, no staff names). */
export const COMPLAINT_PUBLIC_STATUS: Record<ComplaintStatus, string> = {
  registered: '已收到，等待受理',
  accepted: '已受理，正在调查核实',
  investigated: '已调查核实，正在研究处理',
  handled: '已作出处理，即将答复您',
  answered: '已答复',
  visited: '已答复并回访',
  archived: '已办结',
  merged: '与同一事项的投诉合并办理',
};

export const COMPLAINT_ACTIONS = ['accept', 'investigate', 'handle', 'answer', 'visit', 'archive', 'extend', 'merge'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
export const COMPLAINT_ACTION_NAMES: Record<ComplaintAction, string> = {
  accept: '受理',
  investigate: '调查',
  handle: '处置',
  answer: '反馈',
  visit: '回访',
  archive: '归档',
  extend: '延期',
  merge: '并单',
};
/** Events besides the actions: registration, the reminder job, a complaint merged into this one. */
export type ComplaintEventType = ComplaintAction | 'register' | 'remind' | 'merged-in';
export const COMPLAINT_EVENT_NAMES: Record<ComplaintEventType, string> = {
  ...COMPLAINT_ACTION_NAMES,
  register: '登记',
  remind: '催办',
  'merged-in': '并入投诉',
};

/** The five steps after registration in order, for the step bar. */
export const COMPLAINT_STEPS = ['accept', 'investigate', 'handle', 'answer', 'visit', 'archive'] as const satisfies readonly ComplaintAction[];

/** Still waiting for the answer: the clock runs and the light shows. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['registered', 'accepted', 'investigated', 'handled'];
export const isOpen = (status: ComplaintStatus): boolean => OPEN_STATUSES.includes(status);

/**
 * The state machine, as one table: from which statuses an action may be taken and the status after it (`null`: the
 * status stays, as for an extension).
 */
export const TRANSITIONS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus | null }> = {
  accept: { from: ['registered'], to: 'accepted' },
  investigate: { from: ['accepted'], to: 'investigated' },
  handle: { from: ['investigated'], to: 'handled' },
  answer: { from: ['handled'], to: 'answered' },
  visit: { from: ['answered'], to: 'visited' },
  archive: { from: ['visited'], to: 'archived' },
  extend: { from: ['registered', 'accepted', 'investigated', 'handled'], to: null },
  merge: { from: ['registered', 'accepted'], to: 'merged' },
};

/** Who handles a center's complaints (the module checks they belong to the complaint's center). */
export const HANDLER_ROLES: readonly Role[] = ['director', 'leader', 'clerk'];

/** Time limits in working days (settings: `complaintLimits`); simple: the same or next working day. */
export interface ComplaintLimits {
  simpleDays: number;
  complexDays: number;
  /** the longest one extension may add, in working days */
  maxExtensionDays: number;
}
export const DEFAULT_COMPLAINT_LIMITS: ComplaintLimits = { simpleDays: 1, complexDays: 5, maxExtensionDays: 10 };

export const COMPLAINT_TEXT_LIMITS = { title: 100, content: 1000, feedback: 500, reason: 500, name: 50, person: 50, findings: 1000, note: 500 } as const;
/**
 * The fewest characters of 调查核实情况: the record a supervisor reads later must say whom the handler asked and what
 * was found ("已核实" says neither); ten characters is one short sentence.
 */
export const FINDINGS_MIN_LENGTH = 10;

/** What is wrong with the 调查核实情况 as written, or null; the same words in the handling form and the rule. */
export function findingsProblem(findings: string): string | null {
  const text = findings.trim();
  if (!text) return '请填写调查核实的情况：向谁了解、查了什么、事实如何。';
  if ([...text].length < FINDINGS_MIN_LENGTH) return `调查核实情况写得太简单，请写明向谁了解、查了什么、事实如何（至少 ${FINDINGS_MIN_LENGTH} 个字）。`;
  return null;
}

export const VISIT_RESULTS = ['satisfied', 'basic', 'dissatisfied'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];
export const VISIT_RESULT_NAMES: Record<VisitResult, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };

/** 承诺时限: the `days`-th working day after the day of receipt (the day itself is not counted). */
export const complaintDueDate = (cal: WorkingCalendar, receivedOn: IsoDate, cls: ComplaintClass, limits: ComplaintLimits): IsoDate =>
  addWorkingDays(cal, receivedOn, cls === 'simple' ? limits.simpleDays : limits.complexDays);

/** The date that counts: the extended one when there is one. */
export const effectiveDue = (c: { dueDate: IsoDate; extendedDue: IsoDate | null }): IsoDate => c.extendedDue ?? c.dueDate;

export type ComplaintLight = 'green' | 'yellow' | 'red';

/** Green while the limit is ahead, yellow on its last day, red once it passed unanswered; none once answered. */
export function complaintLight(c: { status: ComplaintStatus; dueDate: IsoDate; extendedDue: IsoDate | null }, today: IsoDate): ComplaintLight | null {
  if (!isOpen(c.status)) return null;
  const due = effectiveDue(c);
  if (today > due) return 'red';
  return today === due ? 'yellow' : 'green';
}

/** 超期天数: working days between the limit and the answer (or today, while unanswered); 0 when on time. */
export function overdueDays(cal: WorkingCalendar, c: { dueDate: IsoDate; extendedDue: IsoDate | null }, answeredOrToday: IsoDate): number {
  const due = effectiveDue(c);
  return answeredOrToday > due ? countWorkingDays(cal, due, answeredOrToday) : 0;
}

/** 催办 is due from the day after the limit, once, while the complaint is unanswered. */
export const reminderDue = (c: { status: ComplaintStatus; dueDate: IsoDate; extendedDue: IsoDate | null; remindedAt: string | null }, today: IsoDate): boolean =>
  isOpen(c.status) && c.remindedAt === null && today > effectiveDue(c);

export interface ComplaintState {
  status: ComplaintStatus;
  cls: ComplaintClass;
  receivedOn: IsoDate;
  dueDate: IsoDate;
  extendedDue: IsoDate | null;
  extensionReason: string | null;
  orgId: string;
  version: number;
}

export interface ComplaintActor {
  userId: string;
  roles: readonly Role[];
  /** a person of the complaint's handling center */
  atCenter: boolean;
}

export type ComplaintCommand =
  | { action: 'accept'; cls?: ComplaintClass | undefined; handlerId?: string | undefined }
  | { action: 'investigate'; findings: string }
  | { action: 'handle'; upheld: boolean; reasons: string }
  | { action: 'answer'; feedback: string }
  | { action: 'visit'; result: VisitResult; note?: string | undefined }
  | { action: 'archive'; note?: string | undefined }
  | { action: 'extend'; reason: string; days: number }
  | { action: 'merge'; main: { id: string; status: ComplaintStatus; orgId: string; mergedInto: string | null } };

export type ComplaintRuleCode =
  | 'COMPLAINT_NOT_ALLOWED'
  | 'COMPLAINT_WRONG_STATE'
  | 'COMPLAINT_TEXT_REQUIRED'
  | 'COMPLAINT_EXTENSION_USED'
  | 'COMPLAINT_EXTENSION_LATE'
  | 'COMPLAINT_EXTENSION_DAYS'
  | 'COMPLAINT_MERGE_INVALID';

export interface ComplaintDecision {
  ok: true;
  state: ComplaintState;
  /** the event to record: its text and data */
  event: { type: ComplaintAction; from: ComplaintStatus; to: ComplaintStatus; text: string };
}
export type ComplaintRefusal = { ok: false; code: ComplaintRuleCode; message: string; status: 403 | 409 | 422 };

const refuse = (code: ComplaintRuleCode, message: string, status: 403 | 409 | 422 = 422): ComplaintRefusal => ({ ok: false, code, message, status });

export const mayHandle = (actor: ComplaintActor): boolean => actor.atCenter && actor.roles.some((r) => HANDLER_ROLES.includes(r));

/** The actions a person may take on the complaint now (for the buttons). */
export function allowedComplaintActions(state: Pick<ComplaintState, 'status' | 'extendedDue' | 'dueDate'>, actor: ComplaintActor, today: IsoDate): ComplaintAction[] {
  if (!mayHandle(actor)) return [];
  return COMPLAINT_ACTIONS.filter((a) => {
    if (!TRANSITIONS[a].from.includes(state.status)) return false;
    if (a === 'extend') return state.extendedDue === null && today <= state.dueDate;
    return true;
  });
}

/**
 * Decides one action on a complaint: who may, from which status, what it needs. The answer is the complaint after
 * the action and the one event to record, or a refusal with a Chinese message — never a status outside the table.
 */
export function decideComplaint(
  state: ComplaintState,
  command: ComplaintCommand,
  ctx: { today: IsoDate; calendar: WorkingCalendar; limits: ComplaintLimits; actor: ComplaintActor; selfId: string },
): ComplaintDecision | ComplaintRefusal {
  const name = COMPLAINT_ACTION_NAMES[command.action];
  if (!mayHandle(ctx.actor)) return refuse('COMPLAINT_NOT_ALLOWED', `${name}须由承办该投诉的便民服务中心的主任、带班领导或工作人员办理。`, 403);
  const t = TRANSITIONS[command.action];
  if (!t.from.includes(state.status)) {
    return refuse('COMPLAINT_WRONG_STATE', `该投诉现在是“${COMPLAINT_STATUS_NAMES[state.status]}”，不能${name}。请刷新页面查看最新情况。`, 409);
  }
  const next: ComplaintState = { ...state, status: t.to ?? state.status, version: state.version + 1 };
  let text = '';
  switch (command.action) {
    case 'accept':
      if (command.cls && command.cls !== state.cls) {
        next.cls = command.cls;
        next.dueDate = complaintDueDate(ctx.calendar, state.receivedOn, command.cls, ctx.limits);
      }
      text = `按${COMPLAINT_CLASS_NAMES[next.cls]}受理，${next.dueDate}前答复`;
      break;
    case 'investigate': {
      const problem = findingsProblem(command.findings);
      if (problem) return refuse('COMPLAINT_TEXT_REQUIRED', problem);
      text = command.findings.trim();
      break;
    }
    case 'handle':
      text = command.reasons.trim();
      if (!text) return refuse('COMPLAINT_TEXT_REQUIRED', `请写明${command.upheld ? '投诉属实' : '投诉不属实'}的理由和处理意见。`);
      break;
    case 'answer':
      text = command.feedback.trim();
      if (!text) return refuse('COMPLAINT_TEXT_REQUIRED', '请填写反馈给投诉人的答复意见。');
      break;
    case 'visit':
      text = `${VISIT_RESULT_NAMES[command.result]}${command.note?.trim() ? `：${command.note.trim()}` : ''}`;
      break;
    case 'archive':
      text = command.note?.trim() ?? '';
      break;
    case 'extend': {
      const reason = command.reason.trim();
      if (!reason) return refuse('COMPLAINT_TEXT_REQUIRED', '请写明延期的原因，系统会以短信告知投诉人。');
      if (state.extendedDue !== null) return refuse('COMPLAINT_EXTENSION_USED', `该投诉已延期至 ${state.extendedDue}，只能延期一次，请在延期时限内答复。`);
      if (ctx.today > state.dueDate) return refuse('COMPLAINT_EXTENSION_LATE', `延期须在承诺时限（${state.dueDate}）届满前申请，现已超期，请尽快答复投诉人。`);
      if (!Number.isInteger(command.days) || command.days < 1 || command.days > ctx.limits.maxExtensionDays) {
        return refuse('COMPLAINT_EXTENSION_DAYS', `延期天数须为 1 至 ${ctx.limits.maxExtensionDays} 个工作日。`);
      }
      next.extendedDue = addWorkingDays(ctx.calendar, state.dueDate, command.days);
      next.extensionReason = reason;
      text = `延期至 ${next.extendedDue}，原因：${reason}`;
      break;
    }
    case 'merge': {
      const main = command.main;
      if (main.id === ctx.selfId) return refuse('COMPLAINT_MERGE_INVALID', '不能把投诉并入它自己，请选择另一件同一事项的投诉。');
      if (main.orgId !== state.orgId) return refuse('COMPLAINT_MERGE_INVALID', '只能并入本中心承办的投诉。');
      if (main.status === 'merged' || main.mergedInto) return refuse('COMPLAINT_MERGE_INVALID', '所选投诉本身已并入其他投诉，请选择主投诉。');
      if (main.status === 'archived') return refuse('COMPLAINT_MERGE_INVALID', '所选投诉已归档，不能再并入，请作为新投诉办理。');
      text = '';
      break;
    }
  }
  return { ok: true, state: next, event: { type: command.action, from: state.status, to: next.status, text } };
}

/** The readable number: TS-410899101-2026-0007 (the handling center's code, the year, its sequence). */
export const complaintNumber = (orgCode: string, year: number, seq: number): string => `TS-${orgCode}-${year}-${String(seq).padStart(4, '0')}`;

/** A query code the complainant keeps with the number: six digits, from the random source given. */
export const queryCodeFrom = (random: (max: number) => number): string => String(random(1_000_000)).padStart(6, '0');

/**
 * The 办件编号 a complaint names, as cases store it (typed back from a notice: see normalizeCaseNo); null when none is
 * named — it may be left empty. A number a complainant gives on the public page must be a case that exists: the
 * caller looks it up and, when there is none, answers CASE_NO_NOT_FOUND — the same words whatever was typed, and
 * nothing about any case (whose, where, how far along), for the page is open to anyone.
 */
export function complaintCaseNo(typed: string | null | undefined): string | null {
  const text = typed?.trim() ?? '';
  return text === '' ? null : normalizeCaseNo(text);
}

export const CASE_NO_NOT_FOUND = '未找到该办件编号，请核对后重填，不知道的可以不填';
