/**
 * 咨询 (issue 10 §3, DOMAIN.md "Consultations"): a question asked at the window, by phone or online, the answer the
 * center gave, who gave it and the item concerned. A question logged with its answer is 已答复 at once; an online
 * question (or a phone one the clerk must look into) waits as 待答复 until the center answers it, and the answer
 * reaches the asker by SMS. This file is the one table of what may happen to a consultation. Pure.
 */
export const CONSULTATION_CHANNELS = ['window', 'phone', 'online'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];
/** What staff log themselves; online questions come from the public page. */
export const STAFF_CHANNELS = ['window', 'phone'] as const satisfies readonly ConsultationChannel[];

export const CONSULTATION_CHANNEL_NAMES: Record<ConsultationChannel, string> = { window: '窗口咨询', phone: '电话咨询', online: '网上咨询' };

export const CONSULTATION_STATUSES = ['pending', 'answered'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_NAMES: Record<ConsultationStatus, string> = { pending: '待答复', answered: '已答复' };

export const CONSULTATION_ACTIONS = ['asked', 'logged', 'answered', 'promoted'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];
export const CONSULTATION_ACTION_NAMES: Record<ConsultationAction, string> = {
  asked: '群众网上提问',
  logged: '登记咨询',
  answered: '答复',
  promoted: '选入常见问题',
};

export const CONSULTATION_TEXT_LIMITS = { question: 500, answer: 1000, name: 60 } as const;

/** The one table: which status each action needs, and where it leads. */
export const TRANSITIONS: Record<'answer' | 'promote', { from: readonly ConsultationStatus[]; to: ConsultationStatus | null }> = {
  answer: { from: ['pending'], to: 'answered' },
  // only an answered question can become an FAQ entry (the entry needs an answer the center stands by)
  promote: { from: ['answered'], to: null },
};

export type Decision = { ok: true; to: ConsultationStatus | null } | { ok: false; code: string; message: string; status: number };

export function decideConsultation(status: ConsultationStatus, action: keyof typeof TRANSITIONS): Decision {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return { ok: true, to: t.to };
  if (action === 'answer') return { ok: false, code: 'CONSULTATION_ALREADY_ANSWERED', message: '该咨询已经答复过了，请刷新页面查看答复内容。', status: 409 };
  return { ok: false, code: 'CONSULTATION_NOT_ANSWERED', message: '该咨询还没有答复，请先答复，再选入常见问题。', status: 409 };
}

/** 咨询编号: ZX + the center's local date + the day's sequence, ZX202612060001. */
export const consultationNumber = (localDate: string, seq: number): string => `ZX${localDate.replaceAll('-', '')}${String(seq).padStart(4, '0')}`;

/** A query code of six digits from a random integer (the caller draws it). */
export const queryCodeOf = (random: number): string => String(Math.abs(Math.trunc(random)) % 1_000_000).padStart(6, '0');

/** The longest answer an SMS carries whole; a longer one is cut and points to the public query. */
export const SMS_ANSWER_LIMIT = 120;

/** The public query of a consultation, its number filled in (the page asks only for the query code). */
export const consultationQueryUrlAt = (publicUrl: string, consultationNo: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/consult/query?no=${encodeURIComponent(consultationNo)}`;

/**
 * The answer as the SMS says it: whole, or its beginning and where to read the rest — the query's address when the
 * public address is set (last, with nothing after it: a phone would take a trailing ） into the link).
 */
export function smsAnswer(answer: string, queryUrl: string | null = null): { answer: string; more: string } {
  const text = answer.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length <= SMS_ANSWER_LIMIT) return { answer: text, more: '' };
  return {
    answer: `${chars.slice(0, SMS_ANSWER_LIMIT).join('')}……`,
    more: queryUrl ? `完整答复请凭查询码查看：${queryUrl}` : '（完整答复可凭咨询编号和查询码在网上查询）',
  };
}
