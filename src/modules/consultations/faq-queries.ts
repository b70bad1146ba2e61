/** Reading an item's FAQ: a center's list as staff edit it, one entry with its history, and the public FAQ. */
import { FAQ_ACTION_NAMES, FAQ_STATUS_NAMES, faqOwner, orderFaq, type FaqAction, type FaqStatus } from '../../domain/consultations/faq.js';
import type { FaqEntry, PublicFaq } from '../../domain/consultations/contract.js';
import type { ItemsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode, itemsByIds } from '../catalog/repo.js';
import { findOrg, orgChain, orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';
import { assertMayRead, mayEditFaq, viewerOf } from './view.js';

async function presentEntries(db: Db, rows: readonly repo.FaqRow[], item?: ItemsTable): Promise<FaqEntry[]> {
  const [orgs, people, items] = await Promise.all([
    orgsByIds(db, rows.map((r) => r.org_id)),
    peopleByIds(db, rows.map((r) => r.updated_by)),
    item ? Promise.resolve(new Map([[item.id, item]])) : itemsByIds(db, rows.map((r) => r.item_id)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    itemCode: items.get(r.item_id)?.code ?? '',
    itemName: items.get(r.item_id)?.name ?? '',
    orgId: r.org_id,
    orgName: orgs.get(r.org_id)?.center_name ?? '',
    question: r.question,
    answer: r.answer,
    position: r.position,
    status: r.status as FaqStatus,
    statusName: FAQ_STATUS_NAMES[r.status as FaqStatus],
    sourceConsultationId: r.source_consultation_id,
    updatedAt: r.updated_at,
    updatedByName: people.get(r.updated_by)?.name ?? '',
    version: r.version,
  }));
}

/** A center's FAQ of an item as staff see it: active entries in order, then the retired ones. */
export async function faqList(ctx: AppContext, actor: Actor, itemCode: string, orgId: string | undefined) {
  const { db } = ctx.database;
  const viewer = await viewerOf(db, actor);
  const center = orgId ?? actor.orgId;
  assertMayRead(viewer, center);
  const [item, org] = await Promise.all([findItemByCode(db, itemCode), findOrg(db, center)]);
  if (!item) throw notFound(`编码为 ${itemCode} 的事项`);
  if (!org) throw notFound('该中心');
  const rows = await repo.faqEntries(db, item.id, [org.id]);
  const ordered = [...orderFaq(rows.filter((r) => r.status === 'active')), ...rows.filter((r) => r.status !== 'active').sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))];
  const entries = await presentEntries(db, ordered, item);
  return { itemCode: item.code, itemName: item.name, orgId: org.id, orgName: org.center_name, entries, total: entries.length, editable: mayEditFaq(viewer, org.id) };
}

export async function faqDetail(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await repo.findFaq(db, id);
  if (!row) throw notFound('该常见问题');
  assertMayRead(await viewerOf(db, actor), row.org_id);
  const [[entry], rows] = await Promise.all([presentEntries(db, [row]), repo.faqHistory(db, id)]);
  const people = await peopleByIds(db, rows.map((h) => h.by_user_id));
  return {
    ...entry!,
    events: rows.map((h) => ({
      version: h.version,
      action: h.action as FaqAction,
      actionName: FAQ_ACTION_NAMES[h.action as FaqAction],
      question: h.question,
      answer: h.answer,
      position: h.position,
      status: h.status as FaqStatus,
      note: h.note,
      byName: people.get(h.by_user_id)?.name ?? '',
      at: h.at,
    })),
  };
}

/**
 * The public FAQ of an item (no session). With a center: that center's own entries, or those of the nearest center
 * above it that has some (a village room shows its township's). Without: every center's entries, by center.
 */
export async function publicFaq(ctx: AppContext, itemCode: string, orgId: string | undefined): Promise<PublicFaq> {
  const { db } = ctx.database;
  const item = await findItemByCode(db, itemCode);
  if (!item || item.status !== 'active') throw notFound(`编码为 ${itemCode} 的事项`);
  let owner: string | null = null;
  let orgIds: string[];
  if (orgId) {
    const chain = await orgChain(db, orgId);
    if (chain.length === 0) throw notFound('该便民服务中心');
    owner = faqOwner(chain.map((o) => o.id), await repo.orgsWithFaq(db, item.id));
    orgIds = owner ? [owner] : [];
  } else {
    orgIds = [...(await repo.orgsWithFaq(db, item.id))];
  }
  const rows = orgIds.length > 0 ? await repo.faqEntries(db, item.id, orgIds, 'active') : [];
  const orgs = await orgsByIds(db, rows.map((r) => r.org_id).concat(owner ? [owner] : []));
  const byOrg = [...new Set(rows.map((r) => r.org_id))].sort((a, b) => (orgs.get(a)?.code ?? '').localeCompare(orgs.get(b)?.code ?? ''));
  const ordered = byOrg.flatMap((o) => orderFaq(rows.filter((r) => r.org_id === o)));
  return {
    itemCode: item.code,
    itemName: item.name,
    orgId: owner,
    orgName: owner ? (orgs.get(owner)?.center_name ?? null) : null,
    entries: ordered.map((r) => ({ id: r.id, question: r.question, answer: r.answer, orgId: r.org_id, orgName: orgs.get(r.org_id)?.center_name ?? '', updatedAt: r.updated_at })),
  };
}
