/**
 * A hall's settings, each center its own (in `settings`, keyed by the center): how long after a call a number may be
 * marked 过号, at which place in line a number with a phone gets its one SMS, and the line's balance of priority
 * against waiting time. A center that never set them runs on the defaults.
 */
import { fromJson, toJson } from '../../db/portable.js';
import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from '../../domain/hall/queue-order.js';
import { DEFAULT_NO_SHOW_MINUTES, DEFAULT_SMS_POSITION } from '../../domain/hall/ticket.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from '../settings/repo.js';

export interface HallSettings extends QueuePolicy {
  noShowMinutes: number;
  /** 0: no SMS */
  smsPosition: number;
}

const KEYS = {
  noShowMinutes: 'noShowMinutes',
  smsPosition: 'smsPosition',
  priorityBonusMinutes: 'priorityBonusMinutes',
  maxOvertakes: 'maxOvertakes',
} as const satisfies Record<keyof HallSettings, string>;

const keyOf = (orgId: string, key: keyof HallSettings) => `hall.${KEYS[key]}.${orgId}`;

const DEFAULTS: HallSettings = { noShowMinutes: DEFAULT_NO_SHOW_MINUTES, smsPosition: DEFAULT_SMS_POSITION, ...DEFAULT_QUEUE_POLICY };

export async function hallSettingsOf(db: Db, orgId: string): Promise<HallSettings> {
  const out = { ...DEFAULTS };
  for (const key of Object.keys(KEYS) as (keyof HallSettings)[]) {
    out[key] = fromJson<number | null>(await getSetting(db, keyOf(orgId, key)), null) ?? DEFAULTS[key];
  }
  return out;
}

export async function putHallSettings(db: Db, orgId: string, patch: Partial<HallSettings>, at: string): Promise<void> {
  for (const key of Object.keys(KEYS) as (keyof HallSettings)[]) {
    const value = patch[key];
    if (value !== undefined) await putSetting(db, keyOf(orgId, key), toJson(value), at);
  }
}

/** The director changes their center's hall settings: written with its audit entry in one transaction. */
export async function changeHallSettings(ctx: AppContext, actor: Actor, patch: Partial<HallSettings>): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await hallSettingsOf(trx, actor.orgId);
    await putHallSettings(trx, actor.orgId, patch, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'hall.settings', targetType: 'settings', targetId: `hall.${actor.orgId}`, detail: { before, change: patch } });
  });
}
