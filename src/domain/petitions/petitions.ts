/**
 * 信访接待 (DOMAIN.md "Petitions", REFERENCES.md 信访, 信访工作条例 2022): a petition is registered in the ledger the
 * moment it is received; the center tells the petitioner within 15 days whether it is accepted (受理 / 不予受理),
 * finishes an accepted one within 60 days (one extension of at most 30 days, the reason told), hands it over to the
 * responsible department with a printed 事项交办单 and a reply date, registers the department's reply against that
 * hand-over, and answers the petitioner (答复意见). The petitioner may ask for 复查 within 30 days of the answer
 * (answered within 30 days), then for 复核 likewise; 复核 is final. Inside these clocks the center's own promise:
 * solved on the spot, or answered within 3 days, leader reception within a week.
 *
 * The whole life of a petition is the one table TRANSITIONS; the clocks are pure functions of the petition's dates
 * and a day counter (calendar days by default, as the 条例 counts; a setting may switch to working days). Pure: the
 * clock, the calendar and who acts are arguments.
 */
import { addCalendarDays, addWorkingDays, toEpochDay, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import type { Role } from '../roles.js';

export const PETITION_CHANNELS = ['visit', 'letter', 'phone', 'online'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_NAMES: Record<PetitionChannel, string> = { visit: '来访', letter: '来信', phone: '来电', online: '网上信访' };

/** 处理方式 in the ledger: 当场解决 / 转交（交办）/ 答复. */
export const PETITION_HANDLINGS = ['solved', 'transferred', 'reply'] as const;
export type PetitionHandling = (typeof PETITION_HANDLINGS)[number];
export const PETITION_HANDLING_NAMES: Record<PetitionHandling, string> = { solved: '当场解决', transferred: '交办', reply: '限期答复' };

export const PETITION_URGENCIES = ['normal', 'urgent'] as const;
export type PetitionUrgency = (typeof PETITION_URGENCIES)[number];
export const PETITION_URGENCY_NAMES: Record<PetitionUrgency, string> = { normal: '一般', urgent: '紧急' };

export const PETITION_SEXES = ['male', 'female'] as const;
export type PetitionSex = (typeof PETITION_SEXES)[number];
export const PETITION_SEX_NAMES: Record<PetitionSex, string> = { male: '男', female: '女' };

/**
 * 集体访 (group petition): five people or more. Five is the threshold local petition rules use for 集体访 ("5人以上"),
 * and it matches the 条例's cap of five representatives: from five people on, the group must choose representatives.
 */
export const GROUP_THRESHOLD = 5;
/** 条例 第十八条: a group chooses representatives, at most five. */
export const MAX_REPRESENTATIVES = 5;
export const isGroup = (persons: number): boolean => persons >= GROUP_THRESHOLD;

export const PETITION_STATUSES = [
  'registered',
  'solved',
  'rejected',
  'accepted',
  'handed_over',
  'dept_replied',
  'answered',
  'review',
  'reviewed',
  'recheck',
  'rechecked',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const PETITION_STATUS_NAMES: Record<PetitionStatus, string> = {
  registered: '已登记，待告知是否受理',
  solved: '当场解决',
  rejected: '不予受理',
  accepted: '已受理，办理中',
  handed_over: '已交办，待部门回复',
  dept_replied: '部门已回复，待答复',
  answered: '已答复',
  review: '复查中',
  reviewed: '已复查',
  recheck: '复核中',
  rechecked: '已复核（终结）',
};

export const PETITION_ACTIONS = [
  'register',
  'solve',
  'accept',
  'reject',
  'hand_over',
  'department_reply',
  'extend',
  'reception',
  'answer',
  'request_review',
  'review_answer',
  'request_recheck',
  'recheck_answer',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

export const PETITION_ACTION_NAMES: Record<PetitionAction, string> = {
  register: '登记',
  solve: '当场解决',
  accept: '受理',
  reject: '不予受理',
  hand_over: '交办',
  department_reply: '登记部门回复',
  extend: '延期',
  reception: '领导接待',
  answer: '答复',
  request_review: '申请复查',
  review_answer: '复查答复',
  request_recheck: '申请复核',
  recheck_answer: '复核答复',
};

/** Roles that work on petitions (信访工作人员) and the leadership (中心主任、带班领导). */
export const PETITION_ROLES: readonly Role[] = ['petition', 'director', 'leader'];
/** Who receives petitioners as a leader (领导接待). */
export const LEADER_ROLES: readonly Role[] = ['director', 'leader'];

/**
 * The state machine, as one table. `from: null` is a petition not yet registered; `to: null` leaves the status as it
 * is (an extension, a leader reception). Every action is taken by the petition roles of the center; a reception is
 * recorded by them too, naming the leader who received.
 */
export const TRANSITIONS: Record<PetitionAction, { from: readonly (PetitionStatus | null)[]; to: PetitionStatus | null; by: readonly Role[] }> = {
  register: { from: [null], to: 'registered', by: PETITION_ROLES },
  solve: { from: ['registered'], to: 'solved', by: PETITION_ROLES },
  accept: { from: ['registered'], to: 'accepted', by: PETITION_ROLES },
  reject: { from: ['registered'], to: 'rejected', by: PETITION_ROLES },
  hand_over: { from: ['accepted', 'dept_replied'], to: 'handed_over', by: PETITION_ROLES },
  department_reply: { from: ['handed_over'], to: 'dept_replied', by: PETITION_ROLES },
  extend: { from: ['accepted', 'handed_over', 'dept_replied'], to: null, by: PETITION_ROLES },
  reception: { from: ['registered', 'accepted', 'handed_over', 'dept_replied', 'review', 'recheck'], to: null, by: PETITION_ROLES },
  answer: { from: ['accepted', 'dept_replied'], to: 'answered', by: PETITION_ROLES },
  request_review: { from: ['answered'], to: 'review', by: PETITION_ROLES },
  review_answer: { from: ['review'], to: 'reviewed', by: PETITION_ROLES },
  request_recheck: { from: ['reviewed'], to: 'recheck', by: PETITION_ROLES },
  recheck_answer: { from: ['recheck'], to: 'rechecked', by: PETITION_ROLES },
};

/** The law's and the center's periods, in days (calendar days unless the setting says working days). */
export const PERIODS = {
  /** the center's promise: an answer within 3 days (what cannot be solved on the spot) */
  promise: 3,
  /** the center's promise: leader reception within a week */
  reception: 7,
  /** 条例 第二十二条: tell the petitioner within 15 days whether it is accepted */
  acceptance: 15,
  /** 条例 第三十二条: finished within 60 days of acceptance */
  finish: 60,
  /** one extension of at most 30 days, the reason told */
  maxExtension: 30,
  /** 复查 asked within 30 days of the answer, answered within 30 days */
  reviewRequest: 30,
  review: 30,
  /** 复核 likewise */
  recheckRequest: 30,
  recheck: 30,
} as const;

export const DAY_COUNTS = ['calendar', 'working'] as const;
/** How the periods count: 自然日 (the 条例's 日, default) or 工作日 (a county's own rule). */
export type DayCount = (typeof DAY_COUNTS)[number];
export const DAY_COUNT_NAMES: Record<DayCount, string> = { calendar: '自然日', working: '工作日' };

/** Adds days as the setting counts them. Working days need the calendar of the years concerned. */
export type DayCounter = (from: IsoDate, days: number) => IsoDate;
export function dayCounter(count: DayCount, calendar?: WorkingCalendar): DayCounter {
  if (count === 'working') {
    if (!calendar) throw new Error('working-day counting needs a calendar');
    return (from, days) => addWorkingDays(calendar, from, days);
  }
  return addCalendarDays;
}

export interface Representative {
  name: string;
  phone?: string | undefined;
  idNumber?: string | undefined;
}

/** What the clocks and the state machine need of a petition (local dates of the center). */
export interface PetitionState {
  status: PetitionStatus;
  version: number;
  persons: number;
  registeredOn: IsoDate;
  acceptedOn: IsoDate | null;
  /** the decision on acceptance (受理 / 不予受理 / 当场解决) */
  decidedOn: IsoDate | null;
  extensionDays: number;
  answeredOn: IsoDate | null;
  reviewRequestedOn: IsoDate | null;
  reviewedOn: IsoDate | null;
  recheckRequestedOn: IsoDate | null;
  recheckedOn: IsoDate | null;
  /** the first leader reception */
  receptionOn: IsoDate | null;
  /** a hand-over waiting for the department's reply */
  openHandover: boolean;
}

export type PetitionCommand =
  | { action: 'register'; persons: number; representatives: readonly Representative[]; issue: string; handling: PetitionHandling; result?: string | undefined }
  | { action: 'solve'; text: string }
  | { action: 'accept'; text?: string | undefined }
  | { action: 'reject'; text: string }
  | { action: 'hand_over'; department: string; text: string; replyBy: IsoDate }
  | { action: 'department_reply'; text: string }
  | { action: 'extend'; days: number; text: string }
  | { action: 'reception'; leaderName: string; receivedOn: IsoDate; text: string }
  | { action: 'answer'; text: string }
  | { action: 'request_review'; text?: string | undefined }
  | { action: 'review_answer'; text: string }
  | { action: 'request_recheck'; text?: string | undefined }
  | { action: 'recheck_answer'; text: string };

export interface PetitionActor {
  userId: string;
  roles: readonly Role[];
  /** a person of the center the petition was registered at */
  atCenter: boolean;
}

export type PetitionRuleCode =
  | 'PETITION_NOT_ALLOWED'
  | 'PETITION_WRONG_STATE'
  | 'PETITION_TEXT_REQUIRED'
  | 'PETITION_TOO_MANY_REPRESENTATIVES'
  | 'PETITION_REPRESENTATIVES_REQUIRED'
  | 'PETITION_EXTENDED_ONCE'
  | 'PETITION_EXTENSION_TOO_LONG'
  | 'PETITION_EXTENSION_TOO_LATE'
  | 'PETITION_WINDOW_CLOSED'
  | 'PETITION_INVALID_DATE';

/** One history entry: who did what, when, with what text, the status before and after. */
export interface PetitionStep {
  action: PetitionAction;
  at: string;
  by: string;
  text: string;
  from: PetitionStatus | null;
  to: PetitionStatus;
}

export type PetitionDecision =
  | { ok: true; petition: PetitionState; step: PetitionStep }
  | { ok: false; code: PetitionRuleCode; message: string; status: 403 | 409 | 422 };

const refuse = (code: PetitionRuleCode, message: string, status: 403 | 409 | 422 = 422): PetitionDecision => ({ ok: false, code, message, status });

/** The actions a person may take on the petition now (for the buttons). */
export function allowedPetitionActions(p: PetitionState, actor: PetitionActor, today: IsoDate, count: DayCounter): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => {
    if (a === 'register') return false;
    const t = TRANSITIONS[a];
    if (!actor.atCenter || !actor.roles.some((r) => t.by.includes(r)) || !t.from.includes(p.status)) return false;
    if (a === 'extend') return p.extensionDays === 0 && !past(today, finishDue(p, count));
    if (a === 'request_review') return !past(today, count(p.answeredOn!, PERIODS.reviewRequest));
    if (a === 'request_recheck') return !past(today, count(p.reviewedOn!, PERIODS.recheckRequest));
    return true;
  });
}

const past = (today: IsoDate, due: IsoDate | null) => due !== null && toEpochDay(today) > toEpochDay(due);

const dateText = (d: IsoDate) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const REQUIRED_TEXT: Partial<Record<PetitionAction, string>> = {
  solve: '请写明当场解决的情况：怎么解决的、群众是否认可。',
  reject: '请写明不予受理的理由和依据，告知书上要写给信访人。',
  hand_over: '请写明交办的内容和要求。',
  department_reply: '请登记责任部门回复的内容。',
  extend: '请写明延期的理由，告知书上要写给信访人。',
  reception: '请写明领导接待时的决定（怎么处理、由谁办、何时答复）。',
  answer: '请填写答复意见，告知书上要写给信访人。',
  review_answer: '请填写复查意见。',
  recheck_answer: '请填写复核意见。',
};

/**
 * Decides one action on a petition (`p` null for registering a new one): who may, from which status, the rules of
 * each step (representatives, one extension of at most 30 days before the finish date passes, the petitioner's
 * 30-day windows for 复查 and 复核). The answer is the petition after the action with the step to record, or a
 * refusal with a Chinese message — never a state outside the table.
 */
export function decidePetition(
  p: PetitionState | null,
  command: PetitionCommand,
  ctx: { now: Date; today: IsoDate; actor: PetitionActor; count: DayCounter },
): PetitionDecision {
  const t = TRANSITIONS[command.action];
  const name = PETITION_ACTION_NAMES[command.action];
  if (!ctx.actor.atCenter || !ctx.actor.roles.some((r) => t.by.includes(r))) {
    return refuse('PETITION_NOT_ALLOWED', `${name}须由本中心的信访工作人员、中心主任或带班领导办理。`, 403);
  }
  const from = p?.status ?? null;
  if (!t.from.includes(from)) {
    const now = from === null ? '尚未登记' : `现在是“${PETITION_STATUS_NAMES[from]}”`;
    return refuse('PETITION_WRONG_STATE', `该信访事项${now}，不能${name}。请刷新页面查看最新情况。`, 409);
  }
  const text = 'text' in command ? (command.text ?? '').trim() : '';
  const required = REQUIRED_TEXT[command.action];
  if (required && !text) return refuse('PETITION_TEXT_REQUIRED', required);

  const today = ctx.today;
  let next: PetitionState;
  let stepText = text;
  switch (command.action) {
    case 'register': {
      if (command.representatives.length > MAX_REPRESENTATIVES) {
        return refuse(
          'PETITION_TOO_MANY_REPRESENTATIVES',
          `多人信访应推选代表，代表人数不超过 ${MAX_REPRESENTATIVES} 人（信访工作条例），现在登记了 ${command.representatives.length} 人，请保留 ${MAX_REPRESENTATIVES} 名代表。`,
        );
      }
      if (isGroup(command.persons) && command.representatives.length === 0) {
        return refuse('PETITION_REPRESENTATIVES_REQUIRED', `${command.persons} 人集体来访，请登记推选的代表（1 至 ${MAX_REPRESENTATIVES} 人）。`);
      }
      if (command.handling === 'solved' && !(command.result ?? '').trim()) return refuse('PETITION_TEXT_REQUIRED', REQUIRED_TEXT.solve!);
      next = {
        status: 'registered',
        version: 1,
        persons: command.persons,
        registeredOn: today,
        acceptedOn: null,
        decidedOn: null,
        extensionDays: 0,
        answeredOn: null,
        reviewRequestedOn: null,
        reviewedOn: null,
        recheckRequestedOn: null,
        recheckedOn: null,
        receptionOn: null,
        openHandover: false,
      };
      stepText = command.issue.trim();
      break;
    }
    case 'solve':
    case 'reject':
      next = { ...p!, status: t.to!, decidedOn: today };
      break;
    case 'accept':
      next = { ...p!, status: 'accepted', decidedOn: today, acceptedOn: today };
      stepText = text || '经审查，该信访事项属于本机关职责范围，予以受理。';
      break;
    case 'hand_over': {
      const department = command.department.trim();
      if (!department) return refuse('PETITION_TEXT_REQUIRED', '请填写责任部门。');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(command.replyBy) || toEpochDay(command.replyBy) < toEpochDay(today)) {
        return refuse('PETITION_INVALID_DATE', `回复期限须是今天（${today}）或以后的日期。`);
      }
      const due = finishDue(p!, ctx.count);
      if (due && toEpochDay(command.replyBy) > toEpochDay(due)) {
        return refuse('PETITION_INVALID_DATE', `回复期限不能晚于该事项的办结期限 ${due}，请提前，以便按时答复信访人。`);
      }
      next = { ...p!, status: 'handed_over', openHandover: true };
      stepText = `${department}：${text}（${dateText(command.replyBy)}前回复）`;
      break;
    }
    case 'department_reply':
      next = { ...p!, status: 'dept_replied', openHandover: false };
      break;
    case 'extend': {
      if (p!.extensionDays > 0) return refuse('PETITION_EXTENDED_ONCE', `该事项已延期 ${p!.extensionDays} 天，按信访工作条例只能延期一次。`, 409);
      if (!Number.isInteger(command.days) || command.days < 1 || command.days > PERIODS.maxExtension) {
        return refuse('PETITION_EXTENSION_TOO_LONG', `延期不能超过 ${PERIODS.maxExtension} 天，请填写 1 至 ${PERIODS.maxExtension} 之间的天数。`);
      }
      const due = finishDue(p!, ctx.count)!;
      if (past(today, due)) return refuse('PETITION_EXTENSION_TOO_LATE', `办结期限 ${due} 已过，不能再延期；请尽快答复信访人。`);
      next = { ...p!, extensionDays: command.days };
      stepText = `延期 ${command.days} 天：${text}`;
      break;
    }
    case 'reception': {
      const leader = command.leaderName.trim();
      if (!leader) return refuse('PETITION_TEXT_REQUIRED', '请填写接待的领导。');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(command.receivedOn) || toEpochDay(command.receivedOn) > toEpochDay(today) || toEpochDay(command.receivedOn) < toEpochDay(p!.registeredOn)) {
        return refuse('PETITION_INVALID_DATE', `接待日期须在登记日（${p!.registeredOn}）和今天之间。`);
      }
      next = { ...p!, receptionOn: p!.receptionOn ?? command.receivedOn };
      stepText = `${leader}接待：${text}`;
      break;
    }
    case 'answer':
      next = { ...p!, status: 'answered', answeredOn: today };
      break;
    case 'request_review': {
      const due = ctx.count(p!.answeredOn!, PERIODS.reviewRequest);
      if (past(today, due)) return refuse('PETITION_WINDOW_CLOSED', `复查申请须在答复之日起 ${PERIODS.reviewRequest} 日内提出（截至 ${due}），已超过期限。`);
      next = { ...p!, status: 'review', reviewRequestedOn: today };
      stepText = text || '信访人对答复意见不服，申请复查。';
      break;
    }
    case 'review_answer':
      next = { ...p!, status: 'reviewed', reviewedOn: today };
      break;
    case 'request_recheck': {
      const due = ctx.count(p!.reviewedOn!, PERIODS.recheckRequest);
      if (past(today, due)) return refuse('PETITION_WINDOW_CLOSED', `复核申请须在复查意见之日起 ${PERIODS.recheckRequest} 日内提出（截至 ${due}），已超过期限。`);
      next = { ...p!, status: 'recheck', recheckRequestedOn: today };
      stepText = text || '信访人对复查意见不服，申请复核。';
      break;
    }
    case 'recheck_answer':
      next = { ...p!, status: 'rechecked', recheckedOn: today };
      break;
  }
  next = { ...next, version: (p?.version ?? 0) + 1 };
  const step: PetitionStep = { action: command.action, at: ctx.now.toISOString(), by: ctx.actor.userId, text: stepText, from, to: next.status };
  return { ok: true, petition: next, step };
}

// ---------------------------------------------------------------------------------------------------------------
// Clocks

export const CLOCKS = ['promise', 'reception', 'acceptance', 'finish', 'reviewRequest', 'review', 'recheckRequest', 'recheck'] as const;
export type ClockName = (typeof CLOCKS)[number];
export const CLOCK_NAMES: Record<ClockName, string> = {
  promise: '3日内答复（中心承诺）',
  reception: '一周内领导接待（中心承诺）',
  acceptance: '15日内告知是否受理',
  finish: '60日内办结',
  reviewRequest: '30日内可申请复查',
  review: '30日内复查答复',
  recheckRequest: '30日内可申请复核',
  recheck: '30日内复核答复',
};
/** Clocks the center must meet (warned); the others are the petitioner's windows (shown, never warned). */
export const STAFF_CLOCKS: readonly ClockName[] = ['promise', 'reception', 'acceptance', 'finish', 'review', 'recheck'];
/** How many days before its due date a staff clock turns yellow (the last day for the short promise). */
export const YELLOW_DAYS: Record<ClockName, number> = { promise: 0, reception: 1, acceptance: 3, finish: 5, reviewRequest: 0, review: 5, recheckRequest: 0, recheck: 5 };

export type PetitionLight = 'green' | 'yellow' | 'red';

export interface PetitionClock {
  name: ClockName;
  startedOn: IsoDate;
  /** by the end of this local day */
  dueOn: IsoDate;
  /** the day it stopped (met, or stopped late); null while running */
  stoppedOn: IsoDate | null;
  /** while running: green / yellow / red; null once stopped */
  light: PetitionLight | null;
  /** stopped after its due date, or running past it */
  late: boolean;
}

const finishedOn = (p: PetitionState): IsoDate | null =>
  p.status === 'solved' || p.status === 'rejected' ? p.decidedOn : p.answeredOn;

/** The finish date of an accepted petition: 60 days after acceptance, plus its one extension. */
export function finishDue(p: Pick<PetitionState, 'acceptedOn' | 'extensionDays'>, count: DayCounter): IsoDate | null {
  return p.acceptedOn ? count(p.acceptedOn, PERIODS.finish + p.extensionDays) : null;
}

/** The light of a clock running on `today`: red past due, yellow in its last days, green before. */
export function clockLight(name: ClockName, dueOn: IsoDate, today: IsoDate): PetitionLight {
  const left = toEpochDay(dueOn) - toEpochDay(today);
  if (left < 0) return 'red';
  return left <= YELLOW_DAYS[name] ? 'yellow' : 'green';
}

/**
 * Every clock that applies to the petition now, running or stopped. A clock stops when what it waits for happens:
 * the promise and the reception when the petitioner is answered (or the matter is solved or refused), the
 * reception besides at the first leader reception, acceptance at the decision, the finish at the answer, a review
 * window when the review is asked (or it runs out), a review at its answer. A petitioner's window that ran out
 * without a request simply ends (light null, not late).
 */
export function petitionClocks(p: PetitionState, today: IsoDate, count: DayCounter): PetitionClock[] {
  const clocks: PetitionClock[] = [];
  const add = (name: ClockName, startedOn: IsoDate, dueOn: IsoDate, stoppedOn: IsoDate | null, lateWhenExpired = true) => {
    const light = stoppedOn ? null : past(today, dueOn) && !lateWhenExpired ? null : clockLight(name, dueOn, today);
    const late = stoppedOn ? toEpochDay(stoppedOn) > toEpochDay(dueOn) : lateWhenExpired && past(today, dueOn);
    clocks.push({ name, startedOn, dueOn, stoppedOn: stoppedOn ?? (light === null ? dueOn : null), light, late });
  };
  const done = finishedOn(p);
  // solved on the spot at registration: no clock ever ran
  if (p.status === 'solved' && p.decidedOn === p.registeredOn) return clocks;
  add('promise', p.registeredOn, count(p.registeredOn, PERIODS.promise), done);
  const receptionStop = [p.receptionOn, done].filter((d): d is IsoDate => d !== null).sort()[0] ?? null;
  add('reception', p.registeredOn, count(p.registeredOn, PERIODS.reception), receptionStop);
  add('acceptance', p.registeredOn, count(p.registeredOn, PERIODS.acceptance), p.decidedOn);
  if (p.acceptedOn) add('finish', p.acceptedOn, finishDue(p, count)!, p.answeredOn);
  if (p.answeredOn) add('reviewRequest', p.answeredOn, count(p.answeredOn, PERIODS.reviewRequest), p.reviewRequestedOn, false);
  if (p.reviewRequestedOn) add('review', p.reviewRequestedOn, count(p.reviewRequestedOn, PERIODS.review), p.reviewedOn);
  if (p.reviewedOn) add('recheckRequest', p.reviewedOn, count(p.reviewedOn, PERIODS.recheckRequest), p.recheckRequestedOn, false);
  if (p.recheckRequestedOn) add('recheck', p.recheckRequestedOn, count(p.recheckRequestedOn, PERIODS.recheck), p.recheckedOn);
  return clocks;
}

/** The worst light of the staff clocks still running (the ledger's one light), or null when none runs. */
/** The clocks the center still has to meet, the nearest first: what the petition's light is made of. */
export const runningStaffClocks = <C extends Pick<PetitionClock, 'name' | 'light' | 'dueOn'>>(clocks: readonly C[]): C[] =>
  clocks.filter((c) => STAFF_CLOCKS.includes(c.name) && c.light).sort((a, b) => a.dueOn.localeCompare(b.dueOn));

export function petitionLight(clocks: readonly PetitionClock[]): PetitionLight | null {
  const lights = runningStaffClocks(clocks).map((c) => c.light!);
  return lights.includes('red') ? 'red' : lights.includes('yellow') ? 'yellow' : lights.includes('green') ? 'green' : null;
}

/** The acceptance and finish dates API.md names (`acceptanceDueAt`, `finishDueAt`): local dates, due by their end. */
export function dueDates(p: PetitionState, count: DayCounter): { acceptanceDueAt: IsoDate; finishDueAt: IsoDate | null } {
  return { acceptanceDueAt: count(p.registeredOn, PERIODS.acceptance), finishDueAt: finishDue(p, count) };
}

/** Statuses in which nothing is left for the center to do (the petitioner's windows may still be open). */
export const isSettled = (s: PetitionStatus): boolean => s === 'solved' || s === 'rejected' || s === 'answered' || s === 'reviewed' || s === 'rechecked';

/** The readable number: 信〔2026〕12号 (the center's sequence of the year). */
export const petitionNumber = (year: number, seq: number): string => `信〔${year}〕${seq}号`;

/** 告知书 kinds: 受理 / 不予受理 / 延期 / 答复意见 (and the review answers, which are 答复意见 too). */
export const NOTICE_KINDS = ['accept', 'reject', 'extend', 'answer', 'review_answer', 'recheck_answer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_TITLES: Record<NoticeKind, string> = {
  accept: '信访事项受理告知书',
  reject: '信访事项不予受理告知书',
  extend: '信访事项延期办理告知书',
  answer: '信访事项答复意见书',
  review_answer: '信访事项复查意见书',
  recheck_answer: '信访事项复核意见书',
};
