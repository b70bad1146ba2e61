/** The Chinese name of each case status, as a clerk and a villager read it (the timeline, the ledger, notices). */
import type { CaseStatus } from '../cases/model.js';

export const STATUS_NAMES: Record<CaseStatus, string> = {
  submitted: '已收件待受理',
  awaiting_supplement: '待补正',
  in_progress: '办理中',
  paused: '特殊环节（暂停计时）',
  completed: '已办结',
  returned: '已退回',
  withdrawn: '已撤回',
  delivered: '已送达',
};

/** A status sent as a string (an event's from/to): its name, or the string itself when it is not a status. */
export const statusName = (status: string): string => STATUS_NAMES[status as CaseStatus] ?? status;
