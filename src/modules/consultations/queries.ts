/** Reading 咨询: the list with its filters, one consultation with its timeline, the items asked about, the questions asked most. */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { zonedInstant } from '../../domain/calendar/office-hours.js';
import { CONSULTATION_STATUS_NAMES, type ConsultationStatus } from '../../domain/consultations/consultations.js';
import { groupQuestions } from '../../domain/consultations/questions.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode, itemsByIds } from '../catalog/repo.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './repo.js';
import { assertMayRead, presentConsultationDetail, presentConsultations, viewerOf } from './view.js';

export interface ConsultationQuery {
  orgId?: string | undefined;
  itemCode?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  /** local dates YYYY-MM-DD, both included */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listConsultations(ctx: AppContext, actor: Actor, query: ConsultationQuery) {
  const { db } = ctx.database;
  const viewer = await viewerOf(db, actor);
  if (query.orgId && !viewer.scope.has(query.orgId)) throw forbidden('查看该机构的咨询记录');
  let itemId: string | undefined;
  if (query.itemCode) itemId = (await findItemByCode(db, query.itemCode))?.id ?? '-';
  const zone = ctx.config.timeZone;
  const filter: repo.ConsultationFilter = {
    orgIds: [...viewer.scope],
    orgId: query.orgId,
    itemId,
    channel: query.channel,
    status: query.status,
    from: query.from ? zonedInstant(query.from, '00:00', zone).toISOString() : undefined,
    to: query.to ? zonedInstant(addCalendarDays(query.to, 1), '00:00', zone).toISOString() : undefined,
    q: query.q,
  };
  const pageSize = query.pageSize ?? 20;
  const [rows, counts] = await Promise.all([repo.listConsultations(db, filter, { offset: ((query.page ?? 1) - 1) * pageSize, limit: pageSize }), repo.countConsultations(db, filter)]);
  return { consultations: await presentConsultations(db, viewer, rows), ...counts };
}

export async function getConsultation(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await repo.findConsultation(db, id);
  if (!row) throw notFound('该咨询');
  const viewer = await viewerOf(db, actor);
  assertMayRead(viewer, row.org_id);
  return presentConsultationDetail(db, viewer, row);
}

/** How far back the questions asked most are counted. */
export const FREQUENT_DAYS = 365;
const FREQUENT_LIMIT = 2000;

async function centerOf(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  const { db } = ctx.database;
  const viewer = await viewerOf(db, actor);
  const id = orgId ?? actor.orgId;
  assertMayRead(viewer, id);
  const org = await findOrg(db, id);
  if (!org) throw notFound('该中心');
  return org;
}

/** The items a center was asked about in the last year, most asked first, with how many wait and how many FAQ entries they have. */
export async function consultedItems(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  const { db } = ctx.database;
  const org = await centerOf(ctx, actor, orgId);
  const from = new Date(ctx.clock().getTime() - FREQUENT_DAYS * 86_400_000).toISOString();
  const rows = await repo.consultedItems(db, org.id, from);
  const faq = await repo.activeFaqCounts(db, org.id, rows.map((r) => r.item_id!));
  const items = rows.map((r) => ({ itemCode: r.item_code ?? '', itemName: r.item_name ?? '', count: Number(r.count), pending: Number(r.pending ?? 0), faqCount: faq.get(r.item_id!) ?? 0 }));
  return { items, total: items.length };
}

/** The questions asked most about an item at a center in the last year, grouped (similar wording) and counted. */
export async function frequentQuestions(ctx: AppContext, actor: Actor, itemCode: string, orgId: string | undefined) {
  const { db } = ctx.database;
  const org = await centerOf(ctx, actor, orgId);
  const item = await findItemByCode(db, itemCode);
  if (!item) throw notFound(`编码为 ${itemCode} 的事项`);
  const from = new Date(ctx.clock().getTime() - FREQUENT_DAYS * 86_400_000).toISOString();
  const rows = await repo.itemQuestions(db, org.id, item.id, from, FREQUENT_LIMIT);
  const groups = groupQuestions(rows.map((r) => ({ id: r.id, question: r.question, answer: r.answer, askedAt: r.asked_at, faqId: r.faq_id })));
  return {
    itemCode: item.code,
    itemName: item.name,
    orgId: org.id,
    groups: groups.map((g) => ({ question: g.question, answer: g.answer, count: g.count, lastAskedAt: g.lastAskedAt, consultationIds: g.ids, sampleId: g.sampleId, faqIds: g.faqIds })),
    total: groups.length,
  };
}

/** 网上咨询的查询: number + query code (or the phone's last four digits); a wrong pair answers like an unknown number. */
export async function publicConsultation(ctx: AppContext, consultationNo: string, secret: { queryCode?: string | undefined; phone4?: string | undefined }) {
  const { db } = ctx.database;
  const row = await repo.findConsultationByNo(db, consultationNo.trim().toUpperCase());
  const ok =
    row &&
    row.channel === 'online' &&
    ((secret.queryCode && row.query_code === secret.queryCode) || (secret.phone4 && row.asker_phone && row.asker_phone.slice(-4) === secret.phone4));
  if (!row || !ok) throw notFound('该咨询（请核对咨询编号和查询码）');
  const [org, items] = await Promise.all([findOrg(db, row.org_id), itemsByIds(db, row.item_id ? [row.item_id] : [])]);
  const status = row.status as ConsultationStatus;
  return {
    consultationNo: row.consultation_no,
    status,
    statusName: CONSULTATION_STATUS_NAMES[status],
    orgName: org?.center_name ?? '',
    itemName: row.item_id ? (items.get(row.item_id)?.name ?? row.item_name) : null,
    question: row.question,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}
