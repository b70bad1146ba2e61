/**
 * 督办单 (supervision cards, DOMAIN.md "Electronic supervision", REFERENCES.md 电子监察): a supervisor issues a card
 * about a case, a violation or a center — blue reminder (蓝色提醒), orange warning with a time limit (橙色预警),
 * red accountability (红色问责) — to the center's director, who answers it (回告) by the reply date; the supervisor
 * closes it (销号), sends the answer back for a better one (退回), or raises its colour (升级, with a new reply date).
 *
 * The whole life of a card is the one table TRANSITIONS: which action leads from which status to which, and which
 * side takes it. Pure: the clock, the calendar and who acts are arguments.
 */
import { addCalendarDays, addWorkingDays, isIsoDate, isWorkingDay, toEpochDay, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import type { Role } from '../roles.js';

export const CARD_LEVELS = ['blue', 'orange', 'red'] as const;
export type CardLevel = (typeof CARD_LEVELS)[number];

export const CARD_STATUSES = ['issued', 'returned', 'replied', 'closed'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const CARD_ACTIONS = ['issue', 'reply', 'return', 'raise', 'close'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** What a card is about (GB/T 39046 表11: 办件编号 / 监察规则编号 / 被督办机构). */
export const CARD_SUBJECTS = ['case', 'violation', 'center'] as const;
export type CardSubject = (typeof CARD_SUBJECTS)[number];

export const CARD_LEVEL_NAMES: Record<CardLevel, string> = { blue: '蓝色提醒', orange: '橙色预警', red: '红色问责' };
/** The colour alone, for tags and the printed heading (蓝色督办单). */
export const CARD_COLOUR_NAMES: Record<CardLevel, string> = { blue: '蓝色', orange: '橙色', red: '红色' };
export const CARD_STATUS_NAMES: Record<CardStatus, string> = {
  issued: '待回告',
  returned: '退回重新回告',
  replied: '已回告，待销号',
  closed: '已销号',
};
export const CARD_ACTION_NAMES: Record<CardAction, string> = {
  issue: '发出督办',
  reply: '回告',
  return: '退回重新回告',
  raise: '升级督办',
  close: '销号',
};
export const CARD_SUBJECT_NAMES: Record<CardSubject, string> = { case: '办件', violation: '监察预警', center: '中心工作' };

/**
 * Who takes an action: the supervisor (纪检监察员 of the issuing body or above) or the center that answers the card
 * (its director, or the leader on duty, 带班领导).
 */
export type CardParty = 'supervisor' | 'answerer';

/** The state machine, as one table. `from: null` is a card not yet issued. */
export const TRANSITIONS: Record<CardAction, { from: readonly (CardStatus | null)[]; to: CardStatus; by: CardParty }> = {
  issue: { from: [null], to: 'issued', by: 'supervisor' },
  reply: { from: ['issued', 'returned'], to: 'replied', by: 'answerer' },
  return: { from: ['replied'], to: 'returned', by: 'supervisor' },
  raise: { from: ['issued', 'returned', 'replied'], to: 'issued', by: 'supervisor' },
  close: { from: ['replied'], to: 'closed', by: 'supervisor' },
};

/** Roles on each side (the module checks besides that the person stands where the card is: the tree, the center). */
export const SUPERVISOR_ROLES: readonly Role[] = ['supervisor'];
export const ANSWERER_ROLES: readonly Role[] = ['director', 'leader'];

/**
 * Reply periods the form proposes, in working days after the day of issue (or of raising): the higher the colour,
 * the shorter the time. The supervisor may choose another working day within MAX_REPLY_DAYS calendar days.
 */
export const DEFAULT_REPLY_WORKING_DAYS: Record<CardLevel, number> = { blue: 5, orange: 3, red: 2 };
export const MAX_REPLY_DAYS = 60;

export const CARD_TEXT_LIMITS = { content: 1000, reply: 1000, reason: 500 } as const;

/** One entry of a card's history (督办记录): who did what, when, with what text. */
export interface CardStep {
  action: CardAction;
  at: string;
  by: string;
  /** the level after the step (raise changes it) */
  level: CardLevel;
  /** the reply date after the step (issue and raise set it; return may move it) */
  replyBy: IsoDate;
  /** 督办内容, 回告内容, the reason to return or raise, the closing remark */
  text: string;
  from: CardStatus | null;
  to: CardStatus;
}

export interface CardState {
  status: CardStatus;
  level: CardLevel;
  replyBy: IsoDate;
  version: number;
  history: readonly CardStep[];
}

/** The acting person as the module found them: their roles and where they stand relative to the card. */
export interface CardActor {
  userId: string;
  roles: readonly Role[];
  /** a supervisor of the issuing body or of a body above it (their tree holds the issuing body) */
  coversIssuer: boolean;
  /** a person of the center the card is addressed to */
  atAnsweringCenter: boolean;
}

export type CardCommand =
  | { action: 'issue'; level: CardLevel; content: string; replyBy: IsoDate }
  | { action: 'reply'; content: string }
  | { action: 'return'; reason: string; replyBy?: IsoDate | undefined }
  | { action: 'raise'; reason: string; replyBy: IsoDate }
  | { action: 'close'; remark?: string | undefined };

export type CardRuleCode = 'CARD_NOT_ALLOWED' | 'CARD_WRONG_STATE' | 'CARD_INVALID_REPLY_DATE' | 'CARD_ALREADY_RED' | 'CARD_TEXT_REQUIRED';

export type CardDecision = { ok: true; card: CardState; step: CardStep } | { ok: false; code: CardRuleCode; message: string; status: 403 | 409 | 422 };

/** Which side a person takes on a card, or null (a clerk, an administrator, a supervisor of another tree). */
export function partyOf(actor: CardActor): CardParty | null {
  if (actor.roles.some((r) => SUPERVISOR_ROLES.includes(r)) && actor.coversIssuer) return 'supervisor';
  if (actor.roles.some((r) => ANSWERER_ROLES.includes(r)) && actor.atAnsweringCenter) return 'answerer';
  return null;
}

/** The actions a person may take on the card now (for the buttons); none once it is closed. */
export function allowedCardActions(card: CardState | null, actor: CardActor): CardAction[] {
  const party = partyOf(actor);
  return CARD_ACTIONS.filter((a) => {
    const t = TRANSITIONS[a];
    return t.by === party && t.from.includes(card?.status ?? null) && !(a === 'raise' && card?.level === 'red');
  });
}

/** The next colour up, or null at red. */
export const raisedLevel = (level: CardLevel): CardLevel | null => CARD_LEVELS[CARD_LEVELS.indexOf(level) + 1] ?? null;

/** The reply date the form proposes on `today` for a card of `level`. */
export const defaultReplyBy = (cal: WorkingCalendar, today: IsoDate, level: CardLevel): IsoDate => addWorkingDays(cal, today, DEFAULT_REPLY_WORKING_DAYS[level]);

/**
 * Why a reply date cannot be set on `today`, or null: a real date, after today (回告 needs at least the rest of a
 * working day), a working day of the center's calendar (a date on a holiday would fall due when nobody is at
 * work), and within MAX_REPLY_DAYS days.
 */
export function replyByProblem(cal: WorkingCalendar, today: IsoDate, replyBy: string): string | null {
  if (!isIsoDate(replyBy)) return `回告期限“${replyBy}”不是正确的日期，请按 YYYY-MM-DD 选择一个日期。`;
  if (toEpochDay(replyBy) <= toEpochDay(today)) return `回告期限须晚于今天（${today}），请选择今后的一个工作日。`;
  if (toEpochDay(replyBy) > toEpochDay(addCalendarDays(today, MAX_REPLY_DAYS))) {
    return `回告期限不能超过 ${MAX_REPLY_DAYS} 天（最晚 ${addCalendarDays(today, MAX_REPLY_DAYS)}），请缩短期限。`;
  }
  let working: boolean;
  try {
    working = isWorkingDay(cal, replyBy);
  } catch {
    return `${replyBy.slice(0, 4)}年的工作日历还不能确定，请选择今年之内的日期。`;
  }
  if (!working) return `${replyBy} 是休息日，回告期限须是工作日，请改为 ${addWorkingDays(cal, replyBy, 1)} 或之前的工作日。`;
  return null;
}

const refuse = (code: CardRuleCode, message: string, status: 403 | 409 | 422 = 422): CardDecision => ({ ok: false, code, message, status });

/**
 * Decides one action on a card (`card` null for issuing a new one): who may, from which status, the reply date,
 * the text. The answer is the card after the action with exactly one more step in its history, or a refusal with a
 * Chinese message — never a state outside the table.
 */
export function decideCard(
  card: CardState | null,
  command: CardCommand,
  ctx: { now: Date; today: IsoDate; calendar: WorkingCalendar; actor: CardActor },
): CardDecision {
  const t = TRANSITIONS[command.action];
  const party = partyOf(ctx.actor);
  if (party !== t.by) {
    const who = t.by === 'supervisor' ? '发出督办单的纪检监察员（或其上级）' : '被督办中心的主任或带班领导';
    return refuse('CARD_NOT_ALLOWED', `${CARD_ACTION_NAMES[command.action]}须由${who}办理。`, 403);
  }
  const from = card?.status ?? null;
  if (!t.from.includes(from)) {
    const now = from === null ? '尚未发出' : `现在是“${CARD_STATUS_NAMES[from]}”`;
    return refuse('CARD_WRONG_STATE', `该督办单${now}，不能${CARD_ACTION_NAMES[command.action]}。请刷新页面查看最新情况。`, 409);
  }

  let level = card?.level ?? 'blue';
  let replyBy = card?.replyBy ?? '';
  let text: string;
  switch (command.action) {
    case 'issue':
      level = command.level;
      replyBy = command.replyBy;
      text = command.content.trim();
      if (!text) return refuse('CARD_TEXT_REQUIRED', '请填写督办内容：要求中心做什么、说明什么。');
      break;
    case 'reply':
      text = command.content.trim();
      if (!text) return refuse('CARD_TEXT_REQUIRED', '请填写回告内容：原因、已采取的措施和结果。');
      break;
    case 'return':
      text = command.reason.trim();
      if (!text) return refuse('CARD_TEXT_REQUIRED', '请写明退回的理由，中心据此重新回告。');
      if (command.replyBy) replyBy = command.replyBy;
      break;
    case 'raise': {
      const next = raisedLevel(level);
      if (!next) return refuse('CARD_ALREADY_RED', '红色问责已是最高一级，不能再升级。');
      level = next;
      replyBy = command.replyBy;
      text = command.reason.trim();
      if (!text) return refuse('CARD_TEXT_REQUIRED', '请写明升级督办的理由。');
      break;
    }
    case 'close':
      text = (command.remark ?? '').trim();
      break;
  }
  // a date the command sets is checked (a raise's too, even when it names the old one); a kept one stays as it was
  if (command.action === 'issue' || command.action === 'raise' || (command.action === 'return' && command.replyBy)) {
    const problem = replyByProblem(ctx.calendar, ctx.today, replyBy);
    if (problem) return refuse('CARD_INVALID_REPLY_DATE', problem);
  }
  const step: CardStep = { action: command.action, at: ctx.now.toISOString(), by: ctx.actor.userId, level, replyBy, text, from, to: t.to };
  return {
    ok: true,
    step,
    card: { status: t.to, level, replyBy, version: (card?.version ?? 0) + 1, history: [...(card?.history ?? []), step] },
  };
}

/** 督办灯: green while the reply date is ahead, yellow on its last day, red once it passed unanswered; none after 回告. */
export type CardLight = 'green' | 'yellow' | 'red';

/** Waiting for an answer (issued, or returned for a better one). */
export const awaitsReply = (status: CardStatus): boolean => status === 'issued' || status === 'returned';

export function cardLight(card: Pick<CardState, 'status' | 'replyBy'>, today: IsoDate): CardLight | null {
  if (!awaitsReply(card.status)) return null;
  if (today > card.replyBy) return 'red';
  return today === card.replyBy ? 'yellow' : 'green';
}

/** Not answered by the end of the reply date. */
export const isLate = (card: Pick<CardState, 'status' | 'replyBy'>, today: IsoDate): boolean => cardLight(card, today) === 'red';

/** The readable number: 督〔2026〕12号 (the issuing body's sequence of the year). */
export const cardNumber = (year: number, seq: number): string => `督〔${year}〕${seq}号`;
