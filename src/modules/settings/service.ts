import { DEFAULT_LEVEL_NAMES, type LevelNames } from '../../domain/orgs/tree.js';
import { checkPublicUrl } from '../../domain/papers/public-url.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import type { Config } from '../../server/config.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from './repo.js';

const LEVEL_NAMES_KEY = 'levelNames';
const PUBLIC_URL_KEY = 'publicUrl';
const SUPERVISION_PHONE_KEY = 'supervisionPhone';
const SUPPLEMENT_DAYS_KEY = 'supplementDays';

/**
 * How many working days a one-time notice gives the applicant to bring the materials, counted from the day after
 * the notice (a county may change it). 15 working days is three weeks: time to fetch a certificate from the
 * county town, short enough that the case does not lie forgotten.
 */
export const DEFAULT_SUPPLEMENT_DAYS = 15;

/** What this deployment calls its levels: 县/乡镇/村, or 旗/苏木/嘎查, or 区/街道/社区. */
export const getLevelNames = async (db: Db): Promise<LevelNames> => ({
  ...DEFAULT_LEVEL_NAMES,
  ...fromJson<Partial<LevelNames>>(await getSetting(db, LEVEL_NAMES_KEY), {}),
});

export async function setLevelNames(ctx: AppContext, actor: Actor, names: LevelNames): Promise<LevelNames> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await putSetting(trx, LEVEL_NAMES_KEY, toJson(names), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.levelNames', targetType: 'settings', detail: names });
  });
  return names;
}

/**
 * The public address every QR code and printed link opens. PUBLIC_URL (the server's environment) wins over the
 * settings page: whoever runs the server decides where it is reachable, and a value in the database cannot
 * silently outlive a changed environment. Null: not set anywhere, so papers print no QR code.
 */
export async function publicUrlOf(db: Db, config: Pick<Config, 'publicUrl'>): Promise<{ url: string | null; source: 'env' | 'settings' | null }> {
  if (config.publicUrl) return { url: config.publicUrl, source: 'env' };
  const stored = fromJson<string | null>(await getSetting(db, PUBLIC_URL_KEY), null);
  return stored ? { url: stored, source: 'settings' } : { url: null, source: null };
}

export const supervisionPhoneOf = async (db: Db): Promise<string | null> => fromJson<string | null>(await getSetting(db, SUPERVISION_PHONE_KEY), null);

/** The demo region's supervision phone (a real county's is typed in on the settings page). */
export const seedSupervisionPhone = (db: Db, phone: string, at: string) => putSetting(db, SUPERVISION_PHONE_KEY, toJson(phone), at);

export const supplementDaysOf = async (db: Db): Promise<number> =>
  fromJson<number | null>(await getSetting(db, SUPPLEMENT_DAYS_KEY), null) ?? DEFAULT_SUPPLEMENT_DAYS;

/** GET /api/settings: what every paper prints besides the case (API.md v1 additions). */
export async function getSettings(ctx: AppContext) {
  const { db } = ctx.database;
  const publicUrl = await publicUrlOf(db, ctx.config);
  return {
    levelNames: await getLevelNames(db),
    publicUrl: publicUrl.url,
    /** env: set by PUBLIC_URL on the server and not editable here; settings: saved on the settings page */
    publicUrlSource: publicUrl.source,
    supervisionPhone: await supervisionPhoneOf(db),
    supplementDays: await supplementDaysOf(db),
    /** the server runs with NODE_ENV=production: an unset public address is a fault there, not a demo's gap */
    production: ctx.config.production,
  };
}
export type Settings = Awaited<ReturnType<typeof getSettings>>;

export interface SettingsInput {
  publicUrl?: string | null | undefined;
  supervisionPhone?: string | null | undefined;
  supplementDays?: number | undefined;
}

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, { errors: [{ path, message }] }, 400);

/** PUT /api/settings: only the fields sent change; each change is audited with its old and new value. */
export async function updateSettings(ctx: AppContext, actor: Actor, input: SettingsInput) {
  const now = ctx.clock();
  const at = now.toISOString();
  let publicUrl: string | null | undefined;
  if (input.publicUrl !== undefined) {
    if (ctx.config.publicUrl) {
      const sent = input.publicUrl === null ? null : checkPublicUrl(input.publicUrl);
      // sending the address the environment already set back unchanged is fine (a form saving every field)
      if (!sent?.ok || sent.url !== ctx.config.publicUrl) {
        throw new DomainError('PUBLIC_URL_FROM_ENV', '公网地址已由服务器环境变量 PUBLIC_URL 设定，不能在这里修改。如需更改，请运维人员修改服务器配置后重启服务。', undefined, 409);
      }
    } else if (input.publicUrl === null || input.publicUrl.trim() === '') {
      publicUrl = null;
    } else {
      const check = checkPublicUrl(input.publicUrl);
      if (!check.ok) throw invalid('publicUrl', check.message);
      publicUrl = check.url;
    }
  }
  const supervisionPhone = input.supervisionPhone === undefined ? undefined : input.supervisionPhone?.trim() || null;
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await getSettings({ ...ctx, database: { ...ctx.database, db: trx } });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (publicUrl !== undefined && publicUrl !== before.publicUrl) {
      await putSetting(trx, PUBLIC_URL_KEY, toJson(publicUrl), at);
      changes.publicUrl = { from: before.publicUrl, to: publicUrl };
    }
    if (supervisionPhone !== undefined && supervisionPhone !== before.supervisionPhone) {
      await putSetting(trx, SUPERVISION_PHONE_KEY, toJson(supervisionPhone), at);
      changes.supervisionPhone = { from: before.supervisionPhone, to: supervisionPhone };
    }
    if (input.supplementDays !== undefined && input.supplementDays !== before.supplementDays) {
      await putSetting(trx, SUPPLEMENT_DAYS_KEY, toJson(input.supplementDays), at);
      changes.supplementDays = { from: before.supplementDays, to: input.supplementDays };
    }
    if (Object.keys(changes).length > 0) {
      await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.update', targetType: 'settings', detail: changes });
    }
  });
  return getSettings(ctx);
}

/** What the server says at start about its settings (logged): in production an unset public address is a fault. */
export async function startupWarnings(ctx: Pick<AppContext, 'database' | 'config'>): Promise<string[]> {
  const warnings: string[] = [];
  if (ctx.config.production && !(await publicUrlOf(ctx.database.db, ctx.config)).url) {
    warnings.push(
      '【警告】未设置公网地址（PUBLIC_URL）：通知书上不会印办理进度二维码和查询网址。请设置环境变量 PUBLIC_URL=https://<群众手机能打开的地址>，或由系统管理员在控制台“系统设置”中填写。',
    );
  }
  return warnings;
}
