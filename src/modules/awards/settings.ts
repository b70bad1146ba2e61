/**
 * The numbers of 评先评优 (issue 13 §3) in the settings table, each falling back to the seeds' default: the top places
 * and times of the 流动红旗, the 标兵's top places, the tiers' shares, the service and deduction limits. The system
 * administrator changes them; the change is audited.
 */
import { awardSettingsProblem, DEFAULT_AWARD_SETTINGS, type AwardSettings } from '../../domain/assessment/awards.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from '../settings/repo.js';

const KEY = 'awardSettings';

export async function awardSettings(db: Db): Promise<AwardSettings> {
  const stored = fromJson<Partial<AwardSettings>>(await getSetting(db, KEY), {});
  const merged = { ...DEFAULT_AWARD_SETTINGS, ...stored };
  // a stored value that no longer passes (hand-edited) falls back to the defaults rather than ranking on nonsense
  return awardSettingsProblem(merged) ? DEFAULT_AWARD_SETTINGS : merged;
}

export async function setAwardSettings(ctx: AppContext, actor: Actor, input: AwardSettings): Promise<AwardSettings> {
  const problem = awardSettingsProblem(input);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { errors: [{ path: 'tierShares', message: problem }] }, 400);
  const now = ctx.clock();
  const value: AwardSettings = { ...input, tierShares: [...input.tierShares] };
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await awardSettings(trx);
    await putSetting(trx, KEY, toJson(value), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.awards', targetType: 'settings', detail: { before, after: value } });
  });
  return value;
}
