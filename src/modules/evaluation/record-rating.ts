/**
 * Records a rating (好差评, issue 10 §1) — the one use case behind every channel: the public page with case number +
 * phone4, the signed QR and SMS links, the window pad, the paper form keyed in on the rater's behalf, and the default
 * job. Checks the case (finished), the rater (no staff of a center that handled it), one rating per case, rater and
 * round (a second → 409, a race too: the unique index), then writes the rating, marks the case's opening rated and
 * audits, in ONE transaction. A paper form sent twice with one Idempotency-Key answers with the rating it made.
 */
import { randomUUID } from 'node:crypto';
import type { RatingChannel } from '../../domain/evaluation/channels.js';
import type { Level } from '../../domain/evaluation/levels.js';
import { APPLICANT, DUPLICATE_MESSAGE, levelRefusal, notRatable, raterRefusal, secondRating } from '../../domain/evaluation/rules.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest } from '../../db/idempotency.js';
import { uniqueViolationTable } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { HttpError, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import { ratedCase } from './case-facts.js';
import * as repo from './repo.js';
import { openWorkOrder } from './work-order-open.js';

export interface RecordRatingInput {
  caseId: string;
  level: Level;
  comment?: string | null | undefined;
  channel: RatingChannel;
  /** 评价次数: 1 首次 (default), 2 the rater's rating of a 差评's fix */
  round?: 1 | 2 | undefined;
  padId?: string | null | undefined;
  /** a paper form: who keys it in (the rating is marked as entered on the rater's behalf) */
  enteredBy?: string | null | undefined;
  /** a paper form: when the rater filled it in (defaults to now) */
  ratedAt?: Date | null | undefined;
  idempotencyKey?: string | null | undefined;
  /** the request the key was used for (src/db/idempotency.ts): the key answers only the same request */
  idempotencyFingerprint?: string | null | undefined;
  /** the center of a staff session the request carries (a cookie), or null */
  staffOrgId?: string | null | undefined;
  ip?: string | null | undefined;
}

export interface RecordedRating {
  rating: repo.RatingRow;
  created: boolean;
}

export const alreadyRated = () => new HttpError('ALREADY_RATED', DUPLICATE_MESSAGE, undefined, 409);

export async function recordRating(ctx: AppContext, input: RecordRatingInput): Promise<RecordedRating> {
  const now = ctx.clock();
  const replay = async () =>
    input.enteredBy && input.idempotencyKey ? await repo.ratingByKey(ctx.database.db, input.enteredBy, input.idempotencyKey) : undefined;
  try {
    return await ctx.database.db.transaction().execute((trx) => recordIn(trx, ctx, input, now));
  } catch (error) {
    if (!uniqueViolationTable(error)) throw error;
    // a simultaneous request stored first: the same key gets its answer, any other a 409
    const stored = await replay();
    if (stored) return { rating: sameKeyed(stored, input), created: false };
    if (input.channel === 'default') {
      const existing = await repo.findRating(ctx.database.db, input.caseId, APPLICANT, input.round ?? 1);
      if (existing) return { rating: existing, created: false };
    }
    throw alreadyRated();
  }
}

/** The rating a key made, when this is the same request; the key sent again with other content is refused (422). */
function sameKeyed(stored: repo.RatingRow, input: RecordRatingInput): repo.RatingRow {
  if (input.idempotencyFingerprint) assertSameRequest(stored.idempotency_fingerprint, input.idempotencyFingerprint);
  return stored;
}

async function recordIn(trx: Db, ctx: AppContext, input: RecordRatingInput, now: Date): Promise<RecordedRating> {
  if (input.enteredBy && input.idempotencyKey) {
    const stored = await repo.ratingByKey(trx, input.enteredBy, input.idempotencyKey);
    if (stored) return { rating: sameKeyed(stored, input), created: false };
  }
  const c = await ratedCase(trx, input.caseId);
  if (!c) throw notFound('该办件');
  const round = input.round ?? 1;
  const notYet = notRatable(c.status);
  if (notYet) throw new DomainError('CASE_NOT_FINISHED', notYet, undefined, 409);
  const refusal = raterRefusal({ channel: input.channel, staffOrgId: input.staffOrgId ?? null, caseOrgIds: c.orgIds, enteredBy: input.enteredBy ?? null });
  if (refusal) throw new HttpError('RATER_IS_STAFF', refusal, undefined, 403);
  const levelProblem = levelRefusal(input.level, round);
  if (levelProblem) throw new DomainError('VALIDATION_FAILED', levelProblem, undefined, 400);

  const isDefault = input.channel === 'default';
  let ratedAt = input.ratedAt ?? now;
  if (input.channel === 'paper' && input.ratedAt) {
    if (input.ratedAt > now) throw new DomainError('VALIDATION_FAILED', '纸质评价表的填写日期不能晚于今天。', undefined, 400);
    // a form filled in on the day of completion may carry an earlier hour than the system's: never before it
    if (c.completedAt && input.ratedAt < new Date(c.completedAt)) ratedAt = new Date(c.completedAt);
  }
  const at = now.toISOString();
  const existing = await repo.findRating(trx, c.id, APPLICANT, round);
  const decision = secondRating(existing ? { isDefault: existing.is_default === 1 } : null, isDefault);
  if (decision === 'conflict') throw alreadyRated();
  if (decision === 'skip') return { rating: existing!, created: false };

  const fields = {
    level: input.level,
    comment: input.comment?.trim() || null,
    channel: input.channel,
    entered_by: input.enteredBy ?? null,
    pad_id: input.padId ?? null,
    is_default: isDefault ? 1 : 0,
    rated_at: ratedAt.toISOString(),
    idempotency_key: input.enteredBy ? (input.idempotencyKey ?? null) : null,
    idempotency_fingerprint: input.enteredBy && input.idempotencyKey ? (input.idempotencyFingerprint ?? null) : null,
  };
  let id: string;
  if (decision === 'replace') {
    // the default stood in for the applicant; their own rating takes its place (kept: the same row, a new version)
    id = existing!.id;
    if (!(await repo.replaceDefault(trx, id, existing!.version, { ...fields, created_at: at }))) throw alreadyRated();
  } else {
    id = randomUUID();
    await repo.insertRating(trx, {
      id,
      case_id: c.id,
      case_no: c.caseNo,
      org_id: c.orgId,
      window_id: c.windowId,
      person_id: c.personId,
      item_id: c.itemId,
      item_code: c.itemCode,
      item_name: c.itemName,
      round,
      rater_key: APPLICANT,
      created_at: at,
      excluded_at: null,
      excluded_by: null,
      excluded_reason: null,
      appeal_id: null,
      version: 1,
      ...fields,
    });
  }
  if (round === 1) {
    await repo.insertOpening(trx, {
      case_id: c.id,
      case_no: c.caseNo,
      org_id: c.orgId,
      window_id: c.windowId,
      person_id: c.personId,
      completed_at: c.completedAt ?? at,
      rated_at: null,
      invited_at: null,
      defaulted_at: null,
    });
    if (isDefault) await repo.markOpening(trx, c.id, 'defaulted_at', at);
    else await repo.markOpeningRated(trx, c.id, at);
  }
  const rating = (await repo.ratingById(trx, id))!;

  // ── 差评 → work order (issue 10 §1): the work-order helper adds ONE call here, e.g.
  // if (isBadLevel(rating.level) && rating.round === 1) await openWorkOrder(trx, ctx, rating, now);
  await openWorkOrder(trx, ctx, rating, now); // opens only for a 差评 of round 1, once per rating

  await recordAudit(trx, {
    at: now,
    userId: input.enteredBy ?? null,
    action: isDefault ? 'rating.default' : input.channel === 'paper' ? 'rating.paper' : 'rating.record',
    targetType: 'rating',
    targetId: id,
    detail: { caseNo: c.caseNo, level: rating.level, channel: rating.channel, round, padId: rating.pad_id, replacedDefault: decision === 'replace' },
    ip: input.ip ?? null,
  });
  return { rating, created: true };
}
