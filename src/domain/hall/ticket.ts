/**
 * 排队号的状态 (issue 12 §1, DOMAIN.md "Hall operations"): ONE transition table. A number waits, is called to a window,
 * is served there and finished. A called person who does not come may be marked 过号 (no-show) — only after being
 * called, and only once the configured wait since the (last) call has passed. A call may be repeated (recall). A
 * number may be transferred to another service or window and keeps its place (its issue time does not change), be
 * cancelled, and a no-show or cancelled one may be reactivated: it waits again in its old place.
 */

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'finished', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['none', 'elderly', 'disabled', 'green', 'appointment'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_SOURCES = ['kiosk', 'phone', 'window', 'appointment'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const TICKET_ACTIONS = ['call', 'recall', 'start', 'finish', 'no_show', 'cancel', 'reactivate', 'transfer', 'green'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const STATUS_NAMES: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  finished: '已办结',
  no_show: '过号',
  cancelled: '已取消',
};

export const PRIORITY_NAMES: Record<TicketPriority, string> = {
  none: '普通',
  elderly: '70岁以上老人',
  disabled: '残疾人',
  green: '绿色通道',
  appointment: '预约',
};

export const ACTION_NAMES: Record<TicketAction, string> = {
  call: '叫号',
  recall: '重呼',
  start: '开始办理',
  finish: '办结',
  no_show: '过号',
  cancel: '取消',
  reactivate: '恢复排队',
  transfer: '转移',
  green: '开通绿色通道',
};

/** The table: from which states each action may be taken, and the state it leads to. */
export const TRANSITIONS: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'finished' },
  no_show: { from: ['called'], to: 'no_show' },
  cancel: { from: ['waiting', 'called'], to: 'cancelled' },
  reactivate: { from: ['no_show', 'cancelled'], to: 'waiting' },
  transfer: { from: ['waiting', 'called', 'serving'], to: 'waiting' },
  green: { from: ['waiting'], to: 'waiting' },
};

/** The default wait after a call before the clerk may mark the number 过号 (minutes; each center may set its own, src/modules/hall/settings.ts). */
export const DEFAULT_NO_SHOW_MINUTES = 3;
/** The default place in line at which a number with a phone gets its one SMS (each center may set its own). */
export const DEFAULT_SMS_POSITION = 3;

export type Decision = { ok: true; to: TicketStatus } | { ok: false; code: string; message: string; status: number };

export interface TicketFacts {
  status: TicketStatus;
  /** the (last) call, ISO */
  calledAt: string | null;
}

const refuse = (code: string, message: string, status = 409): Decision => ({ ok: false, code, message, status });

/** What `action` does to a ticket now; no-show waits `noShowMinutes` after the last call. */
export function decide(ticket: TicketFacts, action: TicketAction, now: Date, opts: { noShowMinutes: number } = { noShowMinutes: DEFAULT_NO_SHOW_MINUTES }): Decision {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(ticket.status)) {
    return refuse(
      'HALL_TICKET_STATE',
      `该号当前是“${STATUS_NAMES[ticket.status]}”，不能${ACTION_NAMES[action]}。请刷新叫号页面查看最新状态。`,
    );
  }
  if (action === 'no_show') {
    const calledAt = ticket.calledAt ? Date.parse(ticket.calledAt) : NaN;
    const wait = opts.noShowMinutes * 60_000;
    if (!Number.isFinite(calledAt) || now.getTime() - calledAt < wait) {
      const left = Number.isFinite(calledAt) ? Math.max(1, Math.ceil((calledAt + wait - now.getTime()) / 60_000)) : opts.noShowMinutes;
      return refuse('HALL_NO_SHOW_TOO_EARLY', `叫号后须等候 ${opts.noShowMinutes} 分钟才能标记过号，请再重呼一次，约 ${left} 分钟后仍未到再标记过号。`);
    }
  }
  return { ok: true, to: rule.to };
}

/** Which actions a clerk may offer for a ticket in this state (the buttons of the 叫号 page). */
export const actionsFrom = (status: TicketStatus): TicketAction[] => TICKET_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));

/**
 * 排队短信: a number left with a phone is told once when at most `smsPosition` people are ahead of it (0 turns the SMS
 * off). A number that close already when taken is told nothing: the person is in the hall.
 */
export const positionSmsDue = (ahead: number, smsPosition: number): boolean => smsPosition > 0 && ahead <= smsPosition;

/** 'A' + 12 -> 'A012' (numbers restart every day per service). */
export const ticketNumber = (code: string, seq: number): string => `${code}${String(seq).padStart(3, '0')}`;

/** What the display says and speaks: 请 A012 号到 3 号窗口 (a window name that already says 窗口 is kept as it is). */
export function callText(number: string, windowName: string): string {
  const place = /窗口|室|台|处$/.test(windowName) ? windowName : /^\d+$/.test(windowName) ? `${windowName} 号窗口` : `${windowName}窗口`;
  return `请 ${number} 号到 ${place}`;
}
