/**
 * Window rating pads (评价器): a tablet at a window, registered by the director or sysadmin for that window. The pad
 * is a device, not a staff session: registration makes a code shown once (XXXX-XXXX-XXXX-XXXX, 80 random bits) that
 * is typed into — or opened on — the tablet, which keeps it and sends it as `X-Pad-Token`; only its SHA-256 is stored.
 * A pad offers, and may rate, only the case finished at its own window in the last minutes, and never while someone
 * is signed in to the console on it as staff of the case's center.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { LEVEL_NAMES, type Level } from '../../domain/evaluation/levels.js';
import { notRatable, PAD_OFFER_MINUTES } from '../../domain/evaluation/rules.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, HttpError, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { findWindow, windowsByIds } from '../windows/repo.js';
import { ratedCase } from './case-facts.js';
import { recordRating } from './record-rating.js';
import * as repo from './repo.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAD_HEADER = 'x-pad-token';

const newCode = () => {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
};
/** The code as typed on a tablet: lower case, spaces, without or with other dashes. */
const normalizeCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
export const padCodeHash = (code: string) => createHash('sha256').update(normalizeCode(code)).digest('hex');

export async function registerPad(ctx: AppContext, actor: Actor, input: { windowId: string; name?: string | undefined }) {
  const { db } = ctx.database;
  const window = await findWindow(db, input.windowId);
  const scope = await scopeOf(db, actor);
  if (!window || !scope.has(window.org_id)) throw notFound('该窗口');
  // the director registers pads of his own center; the sysadmin any
  if (!actor.roles.includes('sysadmin') && window.org_id !== actor.orgId) throw forbidden('为其他中心的窗口登记评价器');
  const now = ctx.clock();
  const code = newCode();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await repo.insertPad(trx, {
      id,
      org_id: window.org_id,
      window_id: window.id,
      name: input.name?.trim() || `${window.name}评价器`,
      token_hash: padCodeHash(code),
      registered_by: actor.userId,
      registered_at: now.toISOString(),
      revoked_at: null,
      revoked_by: null,
      last_seen_at: null,
      version: 1,
    });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'ratingPad.register', targetType: 'rating_pad', targetId: id, detail: { windowId: window.id } });
  });
  const pad = (await repo.padById(db, id))!;
  return { pad: (await presentPads(ctx, [pad]))[0]!, code, path: `/hall/rate/${window.id}` };
}

export async function revokeRatingPad(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const { db } = ctx.database;
  const pad = await repo.padById(db, id);
  const scope = await scopeOf(db, actor);
  if (!pad || !scope.has(pad.org_id)) throw notFound('该评价器');
  if (!actor.roles.includes('sysadmin') && pad.org_id !== actor.orgId) throw forbidden('停用其他中心的评价器');
  const now = ctx.clock();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.revokePad(trx, id, expectedVersion, actor.userId, now.toISOString()))) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'ratingPad.revoke', targetType: 'rating_pad', targetId: id });
  });
  return (await presentPads(ctx, [(await repo.padById(db, id))!]))[0]!;
}

export async function listPads(ctx: AppContext, actor: Actor) {
  const scope = await scopeOf(ctx.database.db, actor);
  const orgIds = actor.roles.includes('sysadmin') ? [...scope] : [actor.orgId];
  return { pads: await presentPads(ctx, await repo.padsOf(ctx.database.db, orgIds)) };
}

async function presentPads(ctx: AppContext, pads: repo.PadRow[]) {
  const windows = await windowsByIds(ctx.database.db, pads.map((p) => p.window_id));
  const orgs = await orgsByIds(ctx.database.db, pads.map((p) => p.org_id));
  return pads.map((p) => ({
    id: p.id,
    name: p.name,
    orgId: p.org_id,
    centerName: orgs.get(p.org_id)?.center_name ?? '',
    windowId: p.window_id,
    windowName: windows.get(p.window_id)?.name ?? '',
    registeredAt: p.registered_at,
    revokedAt: p.revoked_at,
    lastSeenAt: p.last_seen_at,
    active: p.revoked_at === null,
    version: p.version,
  }));
}

const padUnknown = () => new HttpError('PAD_UNKNOWN', '本评价器尚未登记或已停用，请联系中心主任在“评价器管理”中登记，并输入新的登记码。', undefined, 401);

/** The pad a request comes from (its X-Pad-Token), or 401. */
export async function padOf(ctx: AppContext, request: FastifyRequest): Promise<repo.PadRow> {
  const raw = request.headers[PAD_HEADER];
  const code = Array.isArray(raw) ? raw[0] : raw;
  if (!code || normalizeCode(code).length !== 16) throw padUnknown();
  const pad = await repo.padByTokenHash(ctx.database.db, padCodeHash(code));
  if (!pad) throw padUnknown();
  const now = ctx.clock().toISOString();
  // a heartbeat, written at most once a minute
  if (!pad.last_seen_at || pad.last_seen_at < new Date(Date.parse(now) - 60_000).toISOString()) await repo.touchPad(ctx.database.db, pad.id, now);
  return pad;
}

export async function padInfo(ctx: AppContext, pad: repo.PadRow) {
  return (await presentPads(ctx, [pad]))[0]!;
}

/** Masks a name for the pad's screen: 张* / 欧阳** — the applicant recognises the case, others learn nothing. */
const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join('') : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
};

/**
 * What the pad offers now: the case named (from the live event) or else the latest finished at its window in the last
 * PAD_OFFER_MINUTES that nobody has rated; null when there is none.
 */
export async function padOffer(ctx: AppContext, pad: repo.PadRow, caseId?: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const since = new Date(now.getTime() - PAD_OFFER_MINUTES * 60_000).toISOString();
  let id = caseId;
  if (!id) id = (await repo.latestOpeningAtWindow(db, pad.window_id, since))?.case_id;
  if (!id) return { offer: null };
  const c = await ratedCase(db, id);
  if (!c || c.windowId !== pad.window_id || notRatable(c.status) || !c.completedAt || c.completedAt < since) return { offer: null };
  const rated = await repo.findRating(db, c.id, 'applicant', 1);
  if (rated && rated.is_default === 0) return { offer: null };
  return {
    offer: {
      caseId: c.id,
      caseNo: c.caseNo,
      itemName: c.itemName,
      applicantName: maskName(c.applicantName),
      completedAt: c.completedAt,
    },
  };
}

export async function padRate(ctx: AppContext, pad: repo.PadRow, input: { caseId: string; level: Level; comment?: string | undefined }, staffOrgId: string | null, ip: string | null) {
  const c = await ratedCase(ctx.database.db, input.caseId);
  if (!c) throw notFound('该办件');
  if (c.windowId !== pad.window_id) {
    throw new HttpError('PAD_OTHER_WINDOW', '本评价器只能评价在本窗口办结的办件，请到为您办理的窗口评价，或扫描办结通知书上的二维码评价。', undefined, 403);
  }
  const since = ctx.clock().getTime() - PAD_OFFER_MINUTES * 60_000;
  if (!notRatable(c.status) && (!c.completedAt || Date.parse(c.completedAt) < since)) {
    throw new DomainError('PAD_TOO_LATE', `评价器只接受本窗口 ${PAD_OFFER_MINUTES} 分钟内刚办结的办件；请扫描办结通知书上的二维码或在办件进度查询页评价。`, undefined, 409);
  }
  const recorded = await recordRating(ctx, { caseId: c.id, level: input.level, comment: input.comment ?? null, channel: 'pad', padId: pad.id, staffOrgId, ip });
  return { ...recorded, levelName: LEVEL_NAMES[input.level] };
}
