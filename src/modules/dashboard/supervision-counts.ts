import type { RuleCode } from '../../domain/supervision/rules.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { countCards, countCardsByOrg } from '../supervision/cards-repo.js';
import { cardViewer, visibleOrgIds } from '../supervision/cards-view.js';
import { byRuleList, openViolationCounts } from '../supervision/service.js';

/**
 * The centers of `orgIds` whose 督办单 the viewer's card list shows (a supervisor their tree, a director or leader
 * their own center): the counts are the list's own totals.
 */
async function cardOrgIds(ctx: AppContext, actor: Actor, orgIds: readonly string[]) {
  const visible = new Set(visibleOrgIds(await cardViewer(ctx.database.db, actor)));
  return orgIds.filter((id) => visible.has(id));
}

/**
 * Open violations (not decided yet: open or explained) and 督办 cards awaiting an answer, and of those the late
 * ones, of the centers `orgIds`: counted by the supervision module's own queries.
 */
export async function supervisionCounts(ctx: AppContext, actor: Actor, orgIds: readonly string[], today: string) {
  const { db } = ctx.database;
  const violations = [...(await openViolationCounts(db, orgIds)).values()];
  const cards = await countCards(db, { orgIds: await cardOrgIds(ctx, actor, orgIds) }, today);
  return {
    available: true,
    openViolations: violations.reduce((sum, v) => sum + v.total, 0),
    openCards: cards.open,
    lateCards: cards.late,
  };
}

export interface CenterCounts {
  openViolations: number;
  byRule: Partial<Record<RuleCode, number>>;
  openCards: number;
  lateCards: number;
}

/**
 * The same numbers of each center on its own (the overview's grouped count of violations by center and rule, the
 * card list's counts grouped by center); `sum` adds up those of a center and the centers below it.
 */
export async function supervisionByCenter(ctx: AppContext, actor: Actor, orgIds: readonly string[], today: string) {
  const { db } = ctx.database;
  const violations = await openViolationCounts(db, orgIds);
  const cards = await countCardsByOrg(db, { orgIds: await cardOrgIds(ctx, actor, orgIds) }, today);
  return {
    sum(ids: Iterable<string>) {
      const out: CenterCounts = { openViolations: 0, byRule: {}, openCards: 0, lateCards: 0 };
      for (const id of ids) {
        const v = violations.get(id);
        if (v) {
          out.openViolations += v.total;
          for (const [code, n] of Object.entries(v.byRule) as [RuleCode, number][]) out.byRule[code] = (out.byRule[code] ?? 0) + n;
        }
        const c = cards.get(id);
        if (c) {
          out.openCards += c.open;
          out.lateCards += c.late;
        }
      }
      return { ...out, byRule: byRuleList(out.byRule) };
    },
  };
}
