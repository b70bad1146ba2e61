import type { EventConsumer } from '../events/consumers.js';
import { activeRules, evaluateAndRecord } from './record.js';

/**
 * Electronic supervision follows the case events (issue 9 §1): every case with new events is evaluated against
 * every enabled rule, inside the transaction that moves the consumer's cursor, so each violation is recorded
 * once (and its occurrence key stops a repeat after a retry). Starts from the first event ever written: a new
 * deployment of supervision also finds what happened before it.
 */
export const supervisionConsumer: EventConsumer = {
  name: 'supervision',
  title: '电子监察：按办件动态检查监察规则，记录违规',
  startAt: 'beginning',
  async handle(events, db, ctx) {
    const rules = await activeRules(db);
    await evaluateAndRecord(db, events.map((e) => e.caseId), ctx.clock(), rules, { withEvents: true });
  },
};
