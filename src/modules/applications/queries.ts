/**
 * Reading online applications: the applicant's own (我的办件), the window's pre-review queue and detail (the full
 * record read by staff is audited), the uploaded files to each, and the apply form (which centers, which materials
 * are already on file).
 */
import type { ApplicationDetail } from '../../domain/contract/applications.js';
import { receivesOnlineApplications } from '../../domain/applications/application.js';
import { isRefusedApplication } from '../../domain/applications/refusal-review.js';
import { holderOf, onFile } from '../../domain/applications/evidence.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { hasPermission } from '../../domain/roles.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { ApplicantActor } from '../applicants/session.js';
import { findById as findApplicant } from '../applicants/repo.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { caseNumbersByIds } from '../cases/repo.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemByCode, offeringsByItem } from '../catalog/repo.js';
import { filesOf } from '../files/index.js';
import { findOrg, orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { keyNamesByIds } from '../open311/repo.js';
import { peopleByIds } from '../users/repo.js';
import { onFileView, presentApplication, presentDetail, toEvidence, type Viewer } from './presenter.js';
import * as repo from './repo.js';

const viewer = (ctx: AppContext, party: Viewer['party']): Viewer => ({ party, timeZone: ctx.config.timeZone, now: ctx.clock() });

async function page(ctx: AppContext, filter: repo.ApplicationFilter, party: Viewer['party']) {
  const { db } = ctx.database;
  const { rows, total } = await repo.listApplications(db, filter);
  const orgs = await orgsByIds(db, rows.map((r) => r.org_id));
  const cases = await caseNumbersByIds(db, rows.map((r) => r.case_id));
  // which third party's platform filed an Open311 application (the name its api_key was issued to)
  const platforms = await keyNamesByIds(db, rows.map((r) => r.open311_key_id));
  const v = viewer(ctx, party);
  return {
    applications: rows.map((r) =>
      presentApplication(r, { orgName: orgs.get(r.org_id)?.center_name ?? '', caseNo: r.case_id ? (cases.get(r.case_id) ?? null) : null, platform: r.open311_key_id ? (platforms.get(r.open311_key_id) ?? null) : null }, v),
    ),
    total,
  };
}

export const myApplications = (ctx: AppContext, who: ApplicantActor, p: { page: number; pageSize: number }) =>
  page(ctx, { applicantId: who.applicantId, limit: p.pageSize, offset: (p.page - 1) * p.pageSize }, 'applicant');

/** The lists of the refusal register (否定报备): returns the director has to review, objections the window has to answer. */
export const REFUSAL_VIEWS = ['refusals-to-review', 'objections'] as const;
export type RefusalView = (typeof REFUSAL_VIEWS)[number];

/**
 * The window's list: its own center's applications, by default those waiting for pre-review, the earliest due first.
 * refusals-to-review: the returns a director has not reviewed yet, over their whole scope like the returned cases
 * beside them; objections: the center's returns the director questioned and the window has not answered yet.
 */
export async function centerApplications(
  ctx: AppContext,
  actor: Actor,
  q: { status?: repo.ApplicationRow['status'] | undefined; view?: RefusalView | undefined; page: number; pageSize: number },
) {
  const paging = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  if (q.view === 'refusals-to-review') {
    // read-only like the ledger's own refusals-to-review (a leader's 工作台 shows it too); reviewing needs the permission
    return page(ctx, { orgIds: [...(await scopeOf(ctx.database.db, actor))], refusal: 'to-review', ...paging }, 'window');
  }
  return page(ctx, { orgIds: [actor.orgId], status: q.status, ...(q.view === 'objections' && { refusal: 'objections' as const }), ...paging }, 'window');
}

async function detail(db: Db, ctx: AppContext, row: repo.ApplicationRow, party: Viewer['party']): Promise<ApplicationDetail> {
  const [org, steps, files, evidence, item] = [await findOrg(db, row.org_id), await repo.stepsOf(db, row.id), await repo.filesOfApplication(db, row.id), await repo.evidenceOf(db, repo.holderOfApplication(row)), await findItemByCode(db, row.item_code)];
  const own = await repo.evidenceOfApplication(db, row.id);
  const guide = item ? presentItem(item).materials : [];
  const cases = await caseNumbersByIds(db, [row.case_id]);
  const people = await peopleByIds(db, [...steps.map((s) => s.by_user_id), row.refusal_reviewed_by ?? null, row.refusal_answered_by ?? null]);
  return presentDetail(
    row,
    {
      orgName: org?.center_name ?? '',
      caseNo: row.case_id ? (cases.get(row.case_id) ?? null) : null,
      people: new Map([...people].map(([id, p]) => [id, p.name])),
      platform: row.open311_key_id ? ((await keyNamesByIds(db, [row.open311_key_id])).get(row.open311_key_id) ?? null) : null,
    },
    { guide, steps, files, evidence, promised: own.filter((e) => e.level === 'D').map((e) => e.material_name) },
    viewer(ctx, party),
  );
}

async function own(ctx: AppContext, who: ApplicantActor, id: string) {
  const row = await repo.findApplication(ctx.database.db, id);
  if (!row || row.applicant_id !== who.applicantId) throw notFound('该网上申请');
  return row;
}

async function ofCenter(ctx: AppContext, actor: Actor, id: string) {
  const row = await repo.findApplication(ctx.database.db, id);
  if (!row) throw notFound('该网上申请');
  if (row.org_id !== actor.orgId && !(await reviewsRefusalOf(ctx, actor, row))) throw forbidden('查看其他中心的网上申请');
  return row;
}

/** A director reads a returned application of a center below theirs: it is on their 否定报备 list. */
async function reviewsRefusalOf(ctx: AppContext, actor: Actor, row: repo.ApplicationRow): Promise<boolean> {
  if (!isRefusedApplication(row.status) || !hasPermission(actor.roles, 'cases.review-refusals')) return false;
  return (await scopeOf(ctx.database.db, actor)).has(row.org_id);
}

export const myApplication = async (ctx: AppContext, who: ApplicantActor, id: string) => detail(ctx.database.db, ctx, await own(ctx, who, id), 'applicant');

export async function centerApplication(ctx: AppContext, actor: Actor, id: string) {
  const row = await ofCenter(ctx, actor, id);
  // the window reads the full ID number and phone: who read whose record is logged
  await recordAudit(ctx.database.db, { at: ctx.clock(), userId: actor.userId, ip: actor.ip, action: 'application.read', targetType: 'application', targetId: id });
  return detail(ctx.database.db, ctx, row, 'window');
}

async function fileOf(ctx: AppContext, row: repo.ApplicationRow, fileId: string) {
  const file = await repo.findFile(ctx.database.db, row.id, fileId);
  if (!file) throw notFound('该材料文件');
  const bytes = await filesOf(ctx).get(file.file_hash);
  if (!bytes) throw new DomainError('FILE_MISSING_IN_STORE', '该材料文件在文件存储中找不到了，请联系系统管理员检查文件存储。', undefined, 410);
  return { bytes, type: file.type, hash: file.file_hash, name: file.original_name };
}

export const myApplicationFile = async (ctx: AppContext, who: ApplicantActor, id: string, fileId: string) => fileOf(ctx, await own(ctx, who, id), fileId);
export const centerApplicationFile = async (ctx: AppContext, actor: Actor, id: string, fileId: string) => fileOf(ctx, await ofCenter(ctx, actor, id), fileId);

/**
 * 材料复用 at the window (issue 11 §2): which materials of an item the applicant being registered already has on file
 * (A issued, B checked at a window, still valid), found by the number and the name the clerk typed from the ID card
 * or licence in front of them — both must match, so a number alone reveals nothing. The checklist then does not
 * ask for them again.
 */
export async function materialsOnFile(ctx: AppContext, query: { itemCode: string; kind: 'person' | 'organization'; number: string; name: string }) {
  const { db } = ctx.database;
  const row = await findItemByCode(db, query.itemCode);
  if (!row) throw notFound('该事项');
  const item = presentItem(row);
  const evidence = (await repo.evidenceOf(db, holderOf(query))).map(toEvidence);
  const kept = onFile(item.materials, evidence, localDate(ctx.clock(), ctx.config.timeZone));
  return {
    materials: item.materials.flatMap((m) => {
      const e = kept.get(m.name);
      return e ? [{ name: m.name, onFile: onFileView(e) }] : [];
    }),
  };
}

/** The apply form of an item: the centers that offer it (township and county), each material and whether it is on file. */
export async function applyForm(ctx: AppContext, who: ApplicantActor | null, itemCode: string) {
  const { db } = ctx.database;
  const row = await findItemByCode(db, itemCode);
  if (!row || row.status !== 'active') throw notFound('该事项');
  const item = presentItem(row);
  const orgs = await orgsByIds(db, (await offeringsByItem(db, row.id)).map((o) => o.org_id));
  const centers = [...orgs.values()].filter((o) => receivesOnlineApplications(o.level)).sort((a, b) => a.code.localeCompare(b.code));
  const account = who ? await findApplicant(db, who.applicantId) : undefined;
  const holder = account ? repo.holderOfAccount(account) : null;
  const evidence = holder ? (await repo.evidenceOf(db, holder)).map(toEvidence) : [];
  const kept = onFile(item.materials, evidence, localDate(ctx.clock(), ctx.config.timeZone));
  return {
    itemCode: item.code,
    itemName: item.name,
    onlineAllowed: item.onlineAllowed,
    centers: centers.map((o) => ({ id: o.id, name: o.center_name })),
    materials: item.materials.map((m) => {
      const e = kept.get(m.name);
      return { name: m.name, main: m.main, promisable: m.promisable === true, onFile: e ? onFileView(e) : null };
    }),
  };
}
