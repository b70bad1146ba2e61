/** Reading 督办单: the list of the viewer's tree (or center), one card with its history, the form's default dates. */
import { localDate } from '../../domain/calendar/office-hours.js';
import { CARD_LEVELS, defaultReplyBy, type CardLevel } from '../../domain/supervision/cards.js';
import { subtreeIds } from '../../domain/orgs/tree.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import * as repo from './cards-repo.js';
import { assertMaySee, cardViewer, presentCardDetail, presentCards, visibleOrgIds } from './cards-view.js';

export interface CardQuery {
  orgId?: string | undefined;
  status?: string | undefined;
  level?: string | undefined;
  caseId?: string | undefined;
  violationId?: string | undefined;
  /** with orgId: that center and every center below it */
  below?: boolean | undefined;
  /** awaiting an answer (待回告, 退回重新回告) */
  awaiting?: boolean | undefined;
  late?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listCards(ctx: AppContext, actor: Actor, query: CardQuery) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const viewer = await cardViewer(db, actor);
  const today = localDate(now, ctx.config.timeZone);
  const visible = visibleOrgIds(viewer);
  const below = query.orgId && query.below ? await subtreeOf(db, query.orgId) : undefined;
  const filter: repo.CardFilter = {
    orgIds: below ? visible.filter((id) => below.has(id)) : visible,
    orgId: below ? undefined : query.orgId,
    status: query.status,
    level: query.level,
    caseId: query.caseId,
    violationId: query.violationId,
    awaiting: query.awaiting,
    lateBefore: query.late ? today : undefined,
  };
  const pageSize = query.pageSize ?? 20;
  const [rows, counts] = await Promise.all([
    repo.listCards(db, filter, { offset: ((query.page ?? 1) - 1) * pageSize, limit: pageSize }),
    repo.countCards(db, filter, today),
  ]);
  return { cards: await presentCards(db, viewer, rows, now), ...counts };
}

/** A center and every organisation below it. */
async function subtreeOf(db: Db, orgId: string) {
  return subtreeIds(
    (await listOrgs(db)).map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })),
    orgId,
  );
}

export async function getCard(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const card = await repo.findCard(db, id);
  if (!card) throw notFound('该督办单');
  const viewer = await cardViewer(db, actor);
  assertMaySee(viewer, card);
  return presentCardDetail(db, viewer, card, ctx.clock());
}

/** The reply dates the issue form proposes today, for each colour, on the center's calendar. */
export async function cardDefaults(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  const { db } = ctx.database;
  const org = await findOrg(db, orgId ?? actor.orgId);
  const today = localDate(ctx.clock(), org?.time_zone ?? ctx.config.timeZone);
  const calendar = await loadCalendar(db, 'recent');
  const replyBy = Object.fromEntries(CARD_LEVELS.map((l) => [l, defaultReplyBy(calendar, today, l)])) as Record<CardLevel, string>;
  return { today, replyBy };
}
