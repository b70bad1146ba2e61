import type { AppContext } from '../../server/context.js';
import { countCards } from '../supervision/cards-repo.js';
import { openViolationCounts } from '../supervision/service.js';

/**
 * Open violations (not decided yet: open or explained) and 督办 cards awaiting an answer, and of those the late
 * ones, of the centers `orgIds`: counted by the supervision module's own queries.
 */
export async function supervisionCounts(ctx: AppContext, orgIds: readonly string[], today: string) {
  const { db } = ctx.database;
  const violations = [...(await openViolationCounts(db, orgIds)).values()];
  const cards = await countCards(db, { orgIds }, today);
  return {
    available: true,
    openViolations: violations.reduce((sum, v) => sum + v.total, 0),
    openCards: cards.open,
    lateCards: cards.late,
  };
}
