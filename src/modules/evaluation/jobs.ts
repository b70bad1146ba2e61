/**
 * The two scheduled works of 好差评 (issue 10 §1), idempotent and once across processes like every job:
 * - invitations: a finished case nobody rated gets ONE SMS with a signed rating link on the 3rd natural day after
 *   its completion, at 09:00 (the outbox's dedupe key makes a second one impossible);
 * - defaults: after 7 whole natural days without a rating the case is rated 基本满意, marked as default.
 * Both periods are settings (./settings.ts).
 */
import { INVITE_TIME, defaultDueAt, finishedBeforeForDue } from '../../domain/evaluation/rules.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_LEVEL } from '../../domain/evaluation/levels.js';
import type { AppContext } from '../../server/context.js';
import type { Job } from '../../server/jobs.js';
import { enqueue } from '../notifications/outbox.js';
import { orgsByIds } from '../orgs/repo.js';
import { publicUrlOf } from '../settings/service.js';
import { ratedCase } from './case-facts.js';
import { recordRating } from './record-rating.js';
import { ratingToken, ratingUrlAt } from './rating-link.js';
import * as repo from './repo.js';
import { ratingSettings } from './settings.js';

const BATCH = 200;

export async function sendRatingInvitations(ctx: AppContext, now: Date): Promise<{ invited: number; waiting: string | null }> {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const settings = await ratingSettings(db);
  const before = finishedBeforeForDue(now, settings.inviteDays, INVITE_TIME, tz).toISOString();
  // past the default's day an invitation would come too late: the default is written instead
  const notBefore = finishedBeforeForDue(now, settings.defaultDays + 1, '00:00', tz).toISOString();
  const publicUrl = (await publicUrlOf(db, ctx.config)).url;
  let invited = 0;
  for (;;) {
    const due = await repo.openingsDue(db, 'invited_at', before, BATCH, notBefore);
    if (due.length === 0) break;
    // without a public address there is no link a phone can open: wait until the administrator sets it
    if (!publicUrl) return { invited, waiting: `${due.length} 件待发评价邀请：尚未设置公网地址（系统设置），短信里的评价链接无法生成` };
    for (const o of due) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.markOpening(trx, o.case_id, 'invited_at', now.toISOString()))) return;
        const c = await ratedCase(trx, o.case_id);
        if (!c || !c.applicantPhone) return;
        const org = (await orgsByIds(trx, [c.orgId])).get(c.orgId);
        const link = ratingUrlAt(publicUrl, await ratingToken(trx, c.id, 'sms', now));
        await enqueue(
          trx,
          [{ channel: 'sms', to: c.applicantPhone, template: 'rating-invitation', params: { center: org?.center_name ?? '', caseNo: c.caseNo, item: c.itemName, link }, caseId: c.id, dedupeKey: `rating-invitation:${c.id}` }],
          now,
        );
        invited += 1;
      });
    }
    if (due.length < BATCH) break;
  }
  return { invited, waiting: null };
}

export async function writeDefaultRatings(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  const settings = await ratingSettings(db);
  const before = finishedBeforeForDue(now, settings.defaultDays + 1, '00:00', ctx.config.timeZone).toISOString();
  let written = 0;
  for (;;) {
    const due = await repo.openingsDue(db, 'defaulted_at', before, BATCH);
    if (due.length === 0) break;
    for (const o of due) {
      let created = false;
      try {
        // the default is the rating from the moment the applicant's days ran out, not from whenever this run came
        // (a server stopped for a week, a demo loaded today): the month it counts in is the month it fell due
        const dueAt = defaultDueAt(new Date(o.completed_at), settings.defaultDays, ctx.config.timeZone);
        ({ created } = await recordRating(ctx, { caseId: o.case_id, level: DEFAULT_LEVEL, channel: 'default', ratedAt: dueAt < now ? dueAt : now }));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
      // a case that cannot be rated (reopened, gone) is marked too, or it would be picked up again every run
      if (created) written += 1;
      else await repo.markOpening(db, o.case_id, 'defaulted_at', now.toISOString());
    }
    if (due.length < BATCH) break;
  }
  return written;
}

export const ratingInvitationsJob: Job = {
  name: 'rating-invitations',
  title: '好差评短信邀请：办结 3 天仍未评价的，9 点后发一次评价邀请短信',
  schedule: '*/10 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const { invited, waiting } = await sendRatingInvitations(ctx, now);
    if (waiting) return waiting;
    return invited > 0 ? `评价邀请：${invited} 件` : null;
  },
};

export const ratingDefaultsJob: Job = {
  name: 'rating-defaults',
  title: '好差评默认评价：办结后 7 个自然日未评价的记为“基本满意”（默认评价，单独统计）',
  schedule: '*/10 * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const written = await writeDefaultRatings(ctx, now);
    return written > 0 ? `默认评价：${written} 件` : null;
  },
};
