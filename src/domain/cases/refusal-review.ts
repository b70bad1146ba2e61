/**
 * The refusal register (否定报备, DOMAIN.md rule 2): every return and every denial is reviewed by the center's
 * director, who either upholds it or questions it (with a comment, for follow-up and for supervision).
 */
import { decisionOf, type Decision, type RegisterChange } from './decision.js';
import type { CaseState, CaseStatus, Outcome } from './model.js';
import { reject, type Rejection } from './rules.js';

export type RefusalOpinion = 'upheld' | 'questioned';

export function refusalReviewProblem(
  c: { status: CaseStatus; outcome: Outcome | null; reviewedAt: string | null },
  input: { opinion: RefusalOpinion; comment?: string | undefined },
): Rejection | null {
  if (c.status !== 'returned' && c.outcome !== 'denied') {
    return reject('NOT_A_REFUSAL', '本件没有退回或不予批准，不在否定报备登记簿中，无需审查。');
  }
  return registerReviewProblem(c, input);
}

/**
 * The director's review of one entry of the register, whatever was refused (a case returned or denied, an online
 * application returned at pre-review): once only, and an objection says what is wrong.
 */
export function registerReviewProblem(
  c: { reviewedAt: string | null },
  input: { opinion: RefusalOpinion; comment?: string | undefined },
): Rejection | null {
  if (c.reviewedAt !== null) return reject('REFUSAL_ALREADY_REVIEWED', '本件的否定报备已经审查过，不能重复审查。');
  if (input.opinion === 'questioned' && !input.comment?.trim()) {
    return reject('REVIEW_COMMENT_REQUIRED', '对退回或不予批准有异议时，请写明审查意见（哪里不妥、如何纠正）。');
  }
  return null;
}

/**
 * The window answers the director's objection (有异议): what was wrong and how it was put right. Only a
 * questioned refusal has a task to answer, and it is answered once, which closes it.
 */
export function objectionAnswerProblem(
  c: { review: RefusalOpinion | null; answeredAt: string | null; objectedBy?: string | null },
  input: { answer: string; by?: string },
): Rejection | null {
  if (c.review !== 'questioned') return reject('NO_OBJECTION', '中心主任对本件的否定报备没有提出异议，无需答复。');
  if (c.answeredAt !== null) return reject('OBJECTION_ALREADY_ANSWERED', '本件的异议已经答复过，不能重复答复。');
  // the objection asks the window to account for its refusal: whoever raised it cannot also close it
  if (c.objectedBy && c.objectedBy === input.by) return reject('OWN_OBJECTION', '这条异议是您本人提出的，请由经办窗口的工作人员答复。');
  if (!input.answer.trim()) return reject('ANSWER_REQUIRED', '请写明答复：是否纠正、如何纠正（如已联系申请人重新受理）。');
  return null;
}

/** The event of the window's answer to the director's objection. */
export const REFUSAL_ANSWER_EVENT = 'refusal-answer' as const;

/** Where a case stands in the refusal register (kept beside its state). */
export interface RegisterFacts {
  review: RefusalOpinion | null;
  reviewedAt: string | null;
  answeredAt: string | null;
  /** who raised the objection (the last review), if any */
  objectedBy: string | null;
}

/** A register step changes neither status nor clock nor place: only the register, and it is recorded as an event. */
const registerStep = (state: CaseState, action: 'refusal-review' | 'refusal-answer', register: RegisterChange, data: Record<string, unknown>): Decision =>
  decisionOf(state, { action, to: state.status, clock: 'none', state, register, data });

/** The director reviews one refusal of the register: upheld, or questioned with a comment. */
export function decideRefusalReview(
  state: CaseState,
  register: RegisterFacts,
  input: { opinion: RefusalOpinion; comment?: string | undefined },
  ctx: { now: Date },
): Decision | Rejection {
  const problem = refusalReviewProblem({ status: state.status, outcome: state.outcome, reviewedAt: register.reviewedAt }, input);
  if (problem) return problem;
  return registerStep(state, 'refusal-review', { reviewedAt: ctx.now.toISOString(), review: input.opinion }, {
    opinion: input.opinion,
    comment: input.comment ?? null,
  });
}

/** The window answers the director's objection, which closes it. */
export function decideObjectionAnswer(
  state: CaseState,
  register: RegisterFacts,
  input: { answer: string; by: string },
  ctx: { now: Date },
): Decision | Rejection {
  const problem = objectionAnswerProblem({ review: register.review, answeredAt: register.answeredAt, objectedBy: register.objectedBy }, input);
  if (problem) return problem;
  return registerStep(state, REFUSAL_ANSWER_EVENT, { answeredAt: ctx.now.toISOString() }, { answer: input.answer.trim() });
}
