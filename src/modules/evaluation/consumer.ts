/**
 * The case events → rating openings (ARCHITECTURE.md "Events and the outbox"): every case that reaches 已办结 gets an
 * opening — the finished cases that may be rated, with when, where and by whom — so the invitation and default jobs
 * read only this module's table. From the first event ever written: cases finished before this module existed are
 * opened too. Written in the consumer's transaction: exactly once.
 */
import type { EventConsumer } from '../events/consumers.js';
import { ratedCase } from './case-facts.js';
import { insertOpening } from './repo.js';

export const ratingOpeningsConsumer: EventConsumer = {
  name: 'evaluation-openings',
  title: '好差评：办结的办件开放评价（短信邀请和默认评价据此进行）',
  startAt: 'beginning',
  async handle(events, db) {
    for (const e of events) {
      if (e.toStatus !== 'completed') continue;
      const c = await ratedCase(db, e.caseId);
      if (!c) continue;
      await insertOpening(db, {
        case_id: c.id,
        case_no: c.caseNo,
        org_id: c.orgId,
        window_id: c.windowId,
        person_id: e.byUserId ?? c.personId,
        completed_at: e.at,
        rated_at: null,
        invited_at: null,
        defaulted_at: null,
      });
    }
  },
};
