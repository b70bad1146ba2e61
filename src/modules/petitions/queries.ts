/** Reading petitions: the center's ledger (masked), one petition in full (audited), earlier visits of a person. */
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { PETITION_STATUS_NAMES, type PetitionStatus } from '../../domain/petitions/petitions.js';
import { hasPermission } from '../../domain/roles.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { checkedIdentity } from './register.js';
import * as repo from './repo.js';
import { loadVisible, presentDetail, presentPetitions } from './view.js';

export interface PetitionQuery {
  status?: string | undefined;
  group?: boolean | undefined;
  channel?: string | undefined;
  urgency?: string | undefined;
  open?: boolean | undefined;
  /** received from / to, local dates inclusive */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const assertReader = (actor: Actor) => {
  if (!hasPermission(actor.roles, 'petitions.read')) throw forbidden('查看信访登记（只有信访工作人员和中心领导可以查看）');
};

export async function listPetitions(ctx: AppContext, actor: Actor, query: PetitionQuery) {
  assertReader(actor);
  const { db } = ctx.database;
  const now = ctx.clock();
  const org = await findOrg(db, actor.orgId);
  const tz = org?.time_zone ?? ctx.config.timeZone;
  const filter: repo.PetitionFilter = {
    orgId: actor.orgId,
    status: query.status,
    group: query.group,
    channel: query.channel,
    urgency: query.urgency,
    open: query.open,
    q: query.q?.trim() || undefined,
    from: query.from ? zonedInstant(query.from, '00:00', tz).toISOString() : undefined,
    to: query.to ? zonedInstant(addCalendarDays(query.to, 1), '00:00', tz).toISOString() : undefined,
  };
  const pageSize = query.pageSize ?? 20;
  const [rows, total] = await Promise.all([repo.listPetitions(db, filter, { offset: ((query.page ?? 1) - 1) * pageSize, limit: pageSize }), repo.countPetitions(db, filter)]);
  return { petitions: await presentPetitions(db, actor, rows, now), total };
}

/** One petition in full (phone and ID number unmasked): every such read is written to the audit log. */
export async function getPetition(ctx: AppContext, actor: Actor, id: string, options: { audit?: boolean } = {}) {
  const { db } = ctx.database;
  const row = await loadVisible(db, actor, id);
  if (options.audit !== false) await recordAudit(db, { at: ctx.clock(), userId: actor.userId, ip: actor.ip, action: 'petition.read', targetType: 'petition', targetId: id });
  return presentDetail(db, actor, row, ctx.clock());
}

/** 既往来访: the same person's earlier petitions at the viewer's center, found by ID number or phone. */
export async function earlierVisits(ctx: AppContext, actor: Actor, who: { idNumber?: string | undefined; phone?: string | undefined }) {
  assertReader(actor);
  const { db } = ctx.database;
  const org = await findOrg(db, actor.orgId);
  const { idNumber, phone } = checkedIdentity(localDate(ctx.clock(), org?.time_zone ?? ctx.config.timeZone), who);
  const rows = await repo.earlierPetitions(db, actor.orgId, { idNumber, phone });
  return {
    visits: rows.map((r) => ({
      id: r.id,
      petitionNo: r.petition_no,
      receivedAt: r.received_at,
      name: r.name,
      issue: r.issue,
      status: r.status as PetitionStatus,
      statusName: PETITION_STATUS_NAMES[r.status as PetitionStatus],
      matchedBy: idNumber && r.id_number === idNumber ? ('idNumber' as const) : ('phone' as const),
    })),
  };
}
