/**
 * 否定报备 of online applications (DOMAIN.md rule 2): a return at pre-review refuses the applicant just as a returned
 * case does, so it enters the same refusal register. The director reviews it once (同意, or 有异议 with a comment) and
 * the window answers an objection once; the rules are the register's own (src/domain/cases/refusal-review.ts), only
 * what counts as a refusal differs: an application the window returned.
 */
import { objectionAnswerProblem, registerReviewProblem, type RefusalOpinion } from '../cases/refusal-review.js';
import { reject, type Rejection } from '../cases/rules.js';
import type { ApplicationStatus } from './application.js';

export type { RefusalOpinion };

/** Where an application stands in the refusal register. */
export interface ApplicationRegister {
  status: ApplicationStatus;
  review: RefusalOpinion | null;
  reviewedAt: string | null;
  /** who reviewed it: the one who raised an objection cannot also answer it */
  reviewedBy: string | null;
  answeredAt: string | null;
}

/** The register's entry after the director's review. */
export interface RegisterReview {
  review: RefusalOpinion;
  reviewedAt: string;
  reviewedBy: string;
  comment: string | null;
}

/** The register's entry after the window's answer to the objection. */
export interface RegisterAnswer {
  answer: string;
  answeredAt: string;
  answeredBy: string;
}

/** Only a return at pre-review is a refusal; an accepted application became a case, whose own refusals are its own. */
export const isRefusedApplication = (status: ApplicationStatus): boolean => status === 'returned';

/** The director reviews the return of an application: upheld, or questioned with a comment. */
export function decideApplicationRefusalReview(
  app: ApplicationRegister,
  input: { opinion: RefusalOpinion; comment?: string | undefined },
  ctx: { now: Date; by: string },
): { ok: true; review: RegisterReview } | Rejection {
  if (!isRefusedApplication(app.status)) {
    return reject('NOT_A_REFUSAL', '该网上申请没有被退回，不在否定报备登记簿中，无需审查。');
  }
  const problem = registerReviewProblem(app, input);
  if (problem) return problem;
  const comment = input.comment?.trim() || null;
  return { ok: true, review: { review: input.opinion, reviewedAt: ctx.now.toISOString(), reviewedBy: ctx.by, comment } };
}

/** The window answers the director's objection to the return, which closes it. */
export function decideApplicationObjectionAnswer(
  app: ApplicationRegister,
  input: { answer: string },
  ctx: { now: Date; by: string },
): { ok: true; answer: RegisterAnswer } | Rejection {
  const problem = objectionAnswerProblem({ review: app.review, answeredAt: app.answeredAt, objectedBy: app.reviewedBy }, { answer: input.answer, by: ctx.by });
  if (problem) return problem;
  return { ok: true, answer: { answer: input.answer.trim(), answeredAt: ctx.now.toISOString(), answeredBy: ctx.by } };
}
