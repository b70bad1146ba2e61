/**
 * The two periods of 好差评 (issue 10 §1), kept in the settings table through the settings module's own functions:
 * days after completion before the SMS invitation (3) and before the default 基本满意 (7 natural days).
 */
import { fromJson, toJson } from '../../db/portable.js';
import { DomainError } from '../../domain/errors.js';
import { checkDays, DEFAULT_DEFAULT_DAYS, DEFAULT_INVITE_DAYS } from '../../domain/evaluation/rules.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from '../settings/repo.js';

const INVITE_KEY = 'ratingInviteDays';
const DEFAULT_KEY = 'ratingDefaultDays';

export interface RatingSettings {
  inviteDays: number;
  defaultDays: number;
}

export async function ratingSettings(db: Db): Promise<RatingSettings> {
  return {
    inviteDays: fromJson<number | null>(await getSetting(db, INVITE_KEY), null) ?? DEFAULT_INVITE_DAYS,
    defaultDays: fromJson<number | null>(await getSetting(db, DEFAULT_KEY), null) ?? DEFAULT_DEFAULT_DAYS,
  };
}

export async function setRatingSettings(ctx: AppContext, actor: Actor, input: RatingSettings): Promise<RatingSettings> {
  const problems = [checkDays(input.inviteDays, '短信邀请评价的天数'), checkDays(input.defaultDays, '默认评价的天数')].filter(Boolean);
  if (!problems.length && input.inviteDays >= input.defaultDays) problems.push('短信邀请须在默认“基本满意”之前发出：邀请天数应小于默认评价天数。');
  if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.join(''), undefined, 400);
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await putSetting(trx, INVITE_KEY, toJson(input.inviteDays), now.toISOString());
    await putSetting(trx, DEFAULT_KEY, toJson(input.defaultDays), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.ratingDays', targetType: 'settings', detail: input });
  });
  return input;
}
