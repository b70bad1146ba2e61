/**
 * The public side of rating: the rate page (/rate?t=, from the QR code on the 办结通知书 or the SMS link) and the
 * progress page (case number + phone4). Both name a case without a session; the answer says only what the progress
 * page already shows, whether it can be rated and how it was rated. A request carrying a staff session of a center
 * that handled the case is refused (recordRating).
 */
import { normalizeCaseNo } from '../../domain/cases/case-number.js';
import type { RatingChannel } from '../../domain/evaluation/channels.js';
import { LEVEL_NAMES, type Level } from '../../domain/evaluation/levels.js';
import { notRatable } from '../../domain/evaluation/rules.js';
import type { AppContext } from '../../server/context.js';
import { HttpError } from '../../server/errors.js';
import { orgsByIds } from '../orgs/repo.js';
import { caseByNumberAndPhone, ratedCase } from './case-facts.js';
import { readRatingToken } from './rating-link.js';
import { recordRating } from './record-rating.js';
import * as repo from './repo.js';

export interface CaseReference {
  caseNo?: string | undefined;
  phone4?: string | undefined;
  token?: string | undefined;
}

const notMatched = () =>
  new HttpError('NOT_FOUND', '未找到该办件。请核对办件编号和电话后四位，或重新扫描通知书上的二维码。', undefined, 404);

async function resolve(ctx: AppContext, ref: CaseReference): Promise<{ caseId: string; channel: RatingChannel }> {
  const { db } = ctx.database;
  if (ref.token) {
    const read = await readRatingToken(db, ref.token, ctx.clock());
    if (!read) throw notMatched();
    if (ref.caseNo) {
      const c = await ratedCase(db, read.caseId);
      if (!c || c.caseNo !== normalizeCaseNo(ref.caseNo)) throw notMatched();
    }
    return read;
  }
  if (!ref.caseNo || !ref.phone4) throw notMatched();
  const caseId = await caseByNumberAndPhone(db, ref.caseNo, ref.phone4);
  if (!caseId) throw notMatched();
  return { caseId, channel: 'progress' };
}

export async function publicRatingOffer(ctx: AppContext, ref: CaseReference) {
  const { caseId } = await resolve(ctx, ref);
  const c = await ratedCase(ctx.database.db, caseId);
  if (!c) throw notMatched();
  const org = (await orgsByIds(ctx.database.db, [c.orgId])).get(c.orgId);
  const rating = await repo.findRating(ctx.database.db, c.id, 'applicant', 1);
  const problem = notRatable(c.status);
  return {
    caseNo: c.caseNo,
    itemName: c.itemName,
    centerName: org?.center_name ?? '',
    ratable: problem === null && (!rating || rating.is_default === 1),
    notRatableReason: problem,
    rated: rating
      ? { level: rating.level as Level, levelName: LEVEL_NAMES[rating.level as Level], ratedAt: rating.rated_at, isDefault: rating.is_default === 1 }
      : null,
  };
}

export async function publicRate(ctx: AppContext, ref: CaseReference & { level: Level; comment?: string | undefined }, staffOrgId: string | null, ip: string | null) {
  const { caseId, channel } = await resolve(ctx, ref);
  const { rating } = await recordRating(ctx, { caseId, level: ref.level, comment: ref.comment ?? null, channel, staffOrgId, ip });
  return { id: rating.id, caseNo: rating.case_no, level: rating.level as Level, levelName: LEVEL_NAMES[rating.level as Level], channel: rating.channel as RatingChannel, ratedAt: rating.rated_at };
}
