import { DEFAULT_LEVEL_NAMES, type LevelNames } from '../../domain/orgs/tree.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from './repo.js';

const LEVEL_NAMES_KEY = 'levelNames';

/** What this deployment calls its levels: 县/乡镇/村, or 旗/苏木/嘎查, or 区/街道/社区. */
export const getLevelNames = async (db: Db): Promise<LevelNames> => ({
  ...DEFAULT_LEVEL_NAMES,
  ...fromJson<Partial<LevelNames>>(await getSetting(db, LEVEL_NAMES_KEY), {}),
});

export async function setLevelNames(ctx: AppContext, actor: Actor, names: LevelNames): Promise<LevelNames> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await putSetting(trx, LEVEL_NAMES_KEY, toJson(names), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, action: 'settings.levelNames', targetType: 'settings', detail: names });
  });
  return names;
}
