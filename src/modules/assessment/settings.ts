/**
 * The assessment's settings (issue 13 §2), kept in the settings table under their own keys: whether the chief
 * representative carries half of the window's deductions, how many days a deduction may be appealed, whether the
 * closed monthly ranking is published on 政务公开. The system administrator (the county) changes them.
 */
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { getSetting, putSetting } from '../settings/repo.js';

export interface AssessmentSettings {
  /** the chief representative (首席代表) carries half of the window's deductions */
  chiefShare: boolean;
  /** calendar days after a deduction is recorded during which it may be appealed */
  appealDays: number;
  /** the closed monthly ranking is shown on the center's 政务公开 page */
  publishRanking: boolean;
}

export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = { chiefShare: true, appealDays: 5, publishRanking: false };
const KEY = 'assessment';

export async function assessmentSettings(db: Db): Promise<AssessmentSettings> {
  return { ...DEFAULT_ASSESSMENT_SETTINGS, ...fromJson<Partial<AssessmentSettings>>(await getSetting(db, KEY), {}) };
}

export async function setAssessmentSettings(ctx: AppContext, actor: Actor, input: Partial<AssessmentSettings>): Promise<AssessmentSettings> {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const before = await assessmentSettings(trx);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as AssessmentSettings;
    await putSetting(trx, KEY, toJson(next), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.assessment', targetType: 'settings', detail: { from: before, to: next } });
    return next;
  });
}
