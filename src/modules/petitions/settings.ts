/**
 * How petition periods count (信访工作条例 counts 日: calendar days, the default; a county whose own rule says working
 * days switches here). Kept in the settings table under its own key; a petition keeps the counting it was registered
 * under, so a change never moves a running clock.
 */
import { DAY_COUNTS, type DayCount } from '../../domain/petitions/petitions.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from '../settings/repo.js';

const KEY = 'petitionDayCount';

export async function dayCountOf(db: Db): Promise<DayCount> {
  const v = fromJson<string | null>(await getSetting(db, KEY), null);
  return (DAY_COUNTS as readonly string[]).includes(v ?? '') ? (v as DayCount) : 'calendar';
}

export async function setDayCount(ctx: AppContext, actor: Actor, dayCount: DayCount) {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await dayCountOf(trx);
    if (before === dayCount) return;
    await putSetting(trx, KEY, toJson(dayCount), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.petitionDayCount', targetType: 'settings', detail: { from: before, to: dayCount } });
  });
  return { dayCount };
}
