/**
 * 申诉复核 (国办发〔2019〕51号; DOMAIN.md "Evaluation", issue 10 §1): a 差评 that the center holds mistaken or
 * malicious (rated the wrong window, a matter outside the center's power, an insult unrelated to the service) is
 * appealed by the center's director with the evidence and the reason; a supervisor (纪检监察员) of the center's tree
 * decides with a reason. An upheld appeal takes the rating out of every score and ranking but keeps it on record,
 * with the decision, and cancels its work order; a rejected one leaves everything as it was. One appeal per rating.
 *
 * The life of an appeal is the one table TRANSITIONS. Pure: who acts and the clock are arguments.
 */
import type { Role } from '../roles.js';
import { isBadLevel } from './levels.js';

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_NAMES: Record<AppealStatus, string> = { pending: '待复核', upheld: '申诉成立', rejected: '申诉不成立' };

export const APPEAL_ACTIONS = ['request', 'uphold', 'reject'] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];
export const APPEAL_ACTION_NAMES: Record<AppealAction, string> = { request: '提出申诉', uphold: '复核：申诉成立', reject: '复核：申诉不成立' };

/** Why a center appeals (the 51号 grounds); `other` needs the text to say it. */
export const APPEAL_REASONS = ['wrong_target', 'beyond_powers', 'malicious', 'mistaken', 'other'] as const;
export type AppealReason = (typeof APPEAL_REASONS)[number];
export const APPEAL_REASON_NAMES: Record<AppealReason, string> = {
  wrong_target: '评价对象错误（非本窗口、本人办理）',
  beyond_powers: '反映的问题不属于本中心职权（如法律法规规定）',
  malicious: '恶意评价（与服务无关、侮辱谩骂、敲诈）',
  mistaken: '误操作（评价人确认点错）',
  other: '其他',
};

export type AppealParty = 'center' | 'supervisor';
export const TRANSITIONS: Record<AppealAction, { from: readonly (AppealStatus | null)[]; to: AppealStatus; by: AppealParty; roles: readonly Role[] }> = {
  request: { from: [null], to: 'pending', by: 'center', roles: ['director'] },
  uphold: { from: ['pending'], to: 'upheld', by: 'supervisor', roles: ['supervisor'] },
  reject: { from: ['pending'], to: 'rejected', by: 'supervisor', roles: ['supervisor'] },
};

export const APPEAL_TEXT_LIMITS = { evidence: 2000, decision: 1000 } as const;

export interface AppealActor {
  userId: string;
  roles: readonly Role[];
  /** the director of the center the rating is about */
  atRatedCenter: boolean;
  /** a supervisor whose tree holds the rated center */
  coversCenter: boolean;
}

export interface AppealState {
  status: AppealStatus;
  reason: AppealReason;
  evidence: string;
  requestedBy: string;
  requestedAt: string;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
}

export type AppealCommand = { action: 'request'; reason: AppealReason; evidence: string } | { action: 'uphold' | 'reject'; decision: string };

export type AppealRuleCode = 'APPEAL_NOT_ALLOWED' | 'APPEAL_WRONG_STATE' | 'APPEAL_TEXT_REQUIRED' | 'APPEAL_NOT_A_BAD_RATING' | 'APPEAL_OWN_DECISION';

export type AppealDecision = { ok: true; appeal: AppealState } | { ok: false; code: AppealRuleCode; message: string; status: 403 | 409 | 422 };

const refuse = (code: AppealRuleCode, message: string, status: 403 | 409 | 422 = 422): AppealDecision => ({ ok: false, code, message, status });

function partyOf(actor: AppealActor, action: AppealAction): boolean {
  const t = TRANSITIONS[action];
  const placed = t.by === 'center' ? actor.atRatedCenter : actor.coversCenter;
  return placed && actor.roles.some((r) => t.roles.includes(r));
}

export function allowedAppealActions(appeal: Pick<AppealState, 'status'> | null, actor: AppealActor): AppealAction[] {
  return APPEAL_ACTIONS.filter((a) => partyOf(actor, a) && TRANSITIONS[a].from.includes(appeal?.status ?? null));
}

/** Does an upheld appeal take the rating out of the figures? Only an upheld one; pending and rejected count. */
export const excludesRating = (status: AppealStatus): boolean => status === 'upheld';

/**
 * Decides one step of an appeal on a rating of `level` (`appeal` null to request one). A rating that is not a 差评
 * cannot be appealed (nothing to remove); a person who asked cannot decide their own appeal.
 */
export function decideAppeal(appeal: AppealState | null, command: AppealCommand, ctx: { now: Date; actor: AppealActor; level: string }): AppealDecision {
  const t = TRANSITIONS[command.action];
  if (!partyOf(ctx.actor, command.action)) {
    const who = t.by === 'center' ? '被评价中心的主任' : '该中心所属的纪检监察员';
    return refuse('APPEAL_NOT_ALLOWED', `${APPEAL_ACTION_NAMES[command.action]}须由${who}办理。`, 403);
  }
  const from = appeal?.status ?? null;
  if (!t.from.includes(from)) {
    const msg = from === null ? '该评价尚未提出申诉' : from === 'pending' ? '该评价已提出申诉，正在复核，不能重复申诉' : `该评价的申诉已复核（${APPEAL_STATUS_NAMES[from]}），每条评价只能申诉一次`;
    return refuse('APPEAL_WRONG_STATE', `${msg}。请刷新页面查看最新情况。`, 409);
  }
  const at = ctx.now.toISOString();
  if (command.action === 'request') {
    if (!isBadLevel(ctx.level)) return refuse('APPEAL_NOT_A_BAD_RATING', '只有差评（不满意、非常不满意）可以申诉复核。');
    const evidence = command.evidence.trim();
    if (!evidence) return refuse('APPEAL_TEXT_REQUIRED', '请写明申诉的事实和证据：评价的是哪次服务、实际情况如何、有何佐证（录音录像、办件记录、证人）。');
    return {
      ok: true,
      appeal: { status: t.to, reason: command.reason, evidence, requestedBy: ctx.actor.userId, requestedAt: at, decision: null, decidedBy: null, decidedAt: null, version: 1 },
    };
  }
  const cur = appeal!;
  if (cur.requestedBy === ctx.actor.userId) return refuse('APPEAL_OWN_DECISION', '提出申诉的人不能复核自己的申诉，请由其他纪检监察员复核。', 403);
  const decision = command.decision.trim();
  if (!decision) return refuse('APPEAL_TEXT_REQUIRED', command.action === 'uphold' ? '请写明申诉成立的理由（核实了哪些证据）。' : '请写明申诉不成立的理由，中心据此改进。');
  return { ok: true, appeal: { ...cur, status: t.to, decision, decidedBy: ctx.actor.userId, decidedAt: at, version: cur.version + 1 } };
}
