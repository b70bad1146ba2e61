/**
 * 代录纸质评价表: a clerk, agent or the director keys in the paper form a villager filled in where there is no pad
 * (REFERENCES.md 好差评). Only for a case of the viewer's scope; marked as entered on the rater's behalf (entered_by,
 * channel paper); Idempotency-Key: a double submit answers with the rating it made.
 */
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import type { Level } from '../../domain/evaluation/levels.js';
import { requestFingerprint } from '../../db/idempotency.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../orgs/service.js';
import { caseIdByNumber, ratedCase } from './case-facts.js';
import { presentRatings } from './list-ratings.js';
import { recordRating } from './record-rating.js';

export interface PaperInput {
  /** the case: its id (the case page) or its number (typed from the paper form) */
  caseId?: string | undefined;
  caseNo?: string | undefined;
  level: Level;
  comment?: string | undefined;
  /** the date on the form, YYYY-MM-DD (local) */
  ratedOn?: string | undefined;
}

export async function enterPaperRating(ctx: AppContext, actor: Actor, input: PaperInput, idempotencyKey: string, ip: string | null) {
  const { db } = ctx.database;
  const caseId = input.caseId ?? (input.caseNo ? await caseIdByNumber(db, input.caseNo) : null);
  const c = caseId ? await ratedCase(db, caseId) : null;
  const scope = await scopeOf(db, actor);
  if (!c || !c.orgIds.some((o) => scope.has(o))) throw notFound('该办件');
  let ratedAt: Date | null = null;
  if (input.ratedOn) {
    const now = ctx.clock();
    // a form dated today is taken as rated now; of an earlier day the hour is not known, so noon stands for it
    ratedAt = input.ratedOn === localDate(now, ctx.config.timeZone) ? now : zonedInstant(input.ratedOn, '12:00', ctx.config.timeZone);
  }
  const { rating, created } = await recordRating(ctx, {
    caseId: c.id,
    level: input.level,
    comment: input.comment ?? null,
    channel: 'paper',
    enteredBy: actor.userId,
    ratedAt,
    idempotencyKey,
    // the form as sent (not the instant derived from it, which moves with the clock): the key answers only this form
    idempotencyFingerprint: requestFingerprint('POST /api/evaluations/paper', input),
    ip,
  });
  return { evaluation: (await presentRatings(ctx, [rating]))[0]!, created };
}
