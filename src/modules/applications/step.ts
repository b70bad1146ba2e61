/**
 * The steps after submission, each in ONE transaction: check who may (the receiving center's window for the pre-review,
 * the applicant for their own application), check the version, let the domain decide (src/domain/applications), then
 * write the application, its step, the step's consequences and the audit entry.
 *
 * - 预审通过并受理: a case of channel `online` through the same intake as the window's (openCaseIn), the uploads the
 *   clerk checked kept as level-B evidence for the applicant's next application.
 * - 一次性告知补正 and 退回: the applicant is told by SMS (outbox) and sees it in 我的办件.
 * - 补正后重新提交 (with the uploads) and 撤回 by the applicant.
 */
import { randomUUID } from 'node:crypto';
import { decideApplication, type ApplicationCommand, type ApplicationParty, type MissingMaterial } from '../../domain/applications/application.js';
import { checkedAtWindow, materialKey, onFile } from '../../domain/applications/evidence.js';
import { promiseCheckDue } from '../../domain/applications/promises.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { UPLOAD_LIMITS } from '../../domain/files/content-type.js';
import { checkApplicant } from '../../domain/people/credit-code.js';
import { toJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { ApplicantActor } from '../applicants/session.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { centerTime } from '../cases/center.js';
import { openCaseIn } from '../cases/register-case.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemOffered } from '../catalog/repo.js';
import { filesOf } from '../files/index.js';
import { deleteUnused, keepFile } from '../files/references.js';
import type { StoredFile } from '../files/store.js';
import { findOrg } from '../orgs/repo.js';
import { notifyReturned, notifySubmitted, notifySupplement } from './notify.js';
import { stateOf, toEvidence } from './presenter.js';
import { refusal } from './refusal.js';
import * as repo from './repo.js';
import type { UploadedMaterial } from './submit.js';

export type ReviewCommand =
  | { action: 'accept'; note?: string | undefined; validity?: readonly { material: string; validUntil: string | null }[] | undefined }
  | { action: 'notify-supplement'; missing: readonly MissingMaterial[]; note?: string | undefined }
  | { action: 'return'; reason: string; basis: string };

/** Someone else's step came first (the version the person saw is stale): 409, nothing written. */
export const changed = () => new DomainError('APPLICATION_CHANGED', '这份申请刚被他人处理过，请刷新页面查看最新情况后再操作。', undefined, 409);

/** The item's guide as the center offers it (the materials the application is checked against). */
async function guideOf(db: Db, row: repo.ApplicationRow) {
  const found = await findItemOffered(db, row.item_code, row.org_id);
  if (!found) throw new DomainError('ITEM_NOT_FOUND', `事项 ${row.item_code} 已不在目录中，请退回申请并告知申请人。`);
  return presentItem(found.item);
}

/** An applicant's steps are on their own applications only; anyone else's is simply not found. */
const notOwn = (who: ApplicantActor) => (row: repo.ApplicationRow) => (row.applicant_id === who.applicantId ? null : notFound('该网上申请'));

interface Stepped {
  row: repo.ApplicationRow;
  org: OrgsTable;
  seq: number;
}

/**
 * The one way a step is taken: loads the application in the transaction, checks the version, decides, writes the
 * application and its step; `consequences` writes the rest (case, evidence, messages) before the audit entry.
 */
async function takeStep(
  trx: Db,
  ctx: AppContext,
  input: { id: string; expectedVersion: number; party: ApplicationParty; userId: string | null; refuse: (row: repo.ApplicationRow) => Error | null },
  command: (row: repo.ApplicationRow, trx: Db) => Promise<ApplicationCommand> | ApplicationCommand,
  consequences: (s: Stepped, patch: repo.ApplicationPatch) => Promise<void>,
): Promise<Stepped> {
  const now = ctx.clock();
  const row = await repo.findApplication(trx, input.id);
  if (!row) throw notFound('该网上申请');
  const refused = input.refuse(row);
  if (refused) throw refused;
  if (row.version !== input.expectedVersion) throw changed();
  const org = (await findOrg(trx, row.org_id))!;
  const steps = await repo.stepsOf(trx, row.id);
  const cmd = await command(row, trx);
  const decision = decideApplication(stateOf(row, steps), cmd, { now, party: input.party, userId: input.userId, clock: await centerTime(trx, org) });
  if (!decision.ok) throw refusal(decision);
  const app = decision.application;
  const at = now.toISOString();
  const patch: repo.ApplicationPatch = {
    status: app.status,
    pre_review_due_at: app.preReviewDueAt,
    noticed: toJson(app.noticed),
    updated_at: at,
  };
  const seq = steps.length + 1;
  const stepped = { row: { ...row, ...patch, version: row.version + 1 } as repo.ApplicationRow, org, seq };
  await consequences(stepped, patch);
  stepped.row = { ...stepped.row, ...patch };
  if (!(await repo.updateApplication(trx, row.id, input.expectedVersion, patch))) throw changed();
  const s = decision.step;
  await repo.insertStep(trx, { id: randomUUID(), application_id: row.id, seq, action: s.action, at, by_user_id: s.by, from_status: s.from, to_status: s.to, text: s.text, materials: toJson(s.materials) });
  await recordAudit(trx, { at: now, userId: input.userId, action: `application.${s.action}`, targetType: 'application', targetId: row.id, detail: { applicationNo: row.application_no, caseId: stepped.row.case_id } });
  return stepped;
}

/** 预审: the receiving center's clerk or director accepts, sends a one-time notice, or returns the application. */
export async function reviewApplication(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, command: ReviewCommand): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const refuse = (row: repo.ApplicationRow) => (row.org_id === actor.orgId ? null : forbidden('预审其他中心的网上申请'));
    const input = { id, expectedVersion, party: 'window' as const, userId: actor.userId, refuse };
    await takeStep(
      trx,
      ctx,
      input,
      () =>
        command.action === 'accept'
          ? { action: 'accept', note: command.note }
          : command.action === 'notify-supplement'
            ? { action: 'notify-supplement', missing: command.missing, note: command.note }
            : { action: 'return', reason: command.reason, basis: command.basis },
      async ({ row, org, seq }, patch) => {
        if (command.action === 'notify-supplement') {
          await notifySupplement(trx, row, org.center_name, command.missing.map((m) => m.material.trim()), seq, now);
        } else if (command.action === 'return') {
          await notifyReturned(trx, row, org.center_name, org.phone ?? '中心窗口', command.reason.trim(), seq, now);
        } else {
          patch.case_id = await acceptIntoCase(trx, actor, row, org, command, now);
        }
      },
    );
  });
}

/** The acceptance: a case of channel online through the window's intake, and the checked uploads kept as evidence. */
async function acceptIntoCase(trx: Db, actor: Actor, row: repo.ApplicationRow, org: OrgsTable, command: Extract<ReviewCommand, { action: 'accept' }>, now: Date): Promise<string> {
  const today = localDate(now, org.time_zone);
  const item = await guideOf(trx, row);
  const files = await repo.filesOfApplication(trx, row.id);
  const holder = repo.holderOfApplication(row);
  const evidence = (await repo.evidenceOf(trx, holder)).map(toEvidence);
  const kept = onFile(item.materials, evidence, today);
  const uploaded = (name: string) => files.some((f) => materialKey(f.material_name) === materialKey(name));
  // 告知承诺: a promise made with this application stands in for the material at acceptance (the window verifies it later)
  const promisedKeys = new Set((await repo.evidenceOfApplication(trx, row.id)).filter((e) => e.level === 'D').map((e) => e.material_key));
  const promised = (name: string) => promisedKeys.has(materialKey(name));
  const applicant = { kind: row.applicant_kind, name: row.applicant_name, idNumber: row.applicant_number, phone: row.applicant_phone, address: row.applicant_address ?? undefined };
  const checked = checkApplicant(applicant, today);
  if (!checked.ok) throw new DomainError(checked.code, `申请人信息未通过核验：${checked.error}请退回申请并写明原因。`);
  const { id: caseId } = await openCaseIn(
    trx,
    actor,
    { itemCode: row.item_code, applicant, channel: 'online', materials: item.materials.map((m) => ({ name: m.name, provided: uploaded(m.name) || kept.has(m.name) || promised(m.name) })) },
    checked.value,
    now,
    true,
  );
  // 告知承诺: each promise is checked afterwards, by PROMISE_CHECK_WORKING_DAYS after today (the case page lists them)
  if (promisedKeys.size > 0) await repo.setPromisesDue(trx, row.id, caseId, promiseCheckDue(await loadCalendar(trx), today));
  // what the clerk checked stays on file for the applicant's next application (level B), with the clerk's expiry dates
  const validity = new Map((command.validity ?? []).map((v) => [materialKey(v.material), v.validUntil]));
  const checkedNames = item.materials.filter((m) => uploaded(m.name)).map((m) => ({ name: m.name, validUntil: validity.has(materialKey(m.name)) ? validity.get(materialKey(m.name))! : undefined }));
  const latest = (name: string) => files.filter((f) => materialKey(f.material_name) === materialKey(name)).at(-1)?.file_hash ?? null;
  const at = now.toISOString();
  await repo.insertEvidence(
    trx,
    checkedAtWindow(checkedNames, evidence, today).map((e) => ({
      id: randomUUID(),
      holder_kind: holder.kind,
      holder_number: holder.number,
      holder_name: holder.name,
      material_name: e.materialName,
      material_key: materialKey(e.materialName),
      level: e.level,
      valid_until: e.validUntil,
      checked_at: at,
      checked_by: actor.userId,
      file_hash: latest(e.materialName),
      application_id: row.id,
      case_id: caseId,
      item_code: null,
      result_no: null,
      created_at: at,
    })),
  );
  return caseId;
}

/** 补正后重新提交: the applicant uploads what the notice asked for into the same application; a new pre-review clock. */
export async function resubmitApplication(ctx: AppContext, who: ApplicantActor, id: string, expectedVersion: number, uploads: readonly UploadedMaterial[]): Promise<void> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const row = await repo.findApplication(db, id);
  if (!row || row.applicant_id !== who.applicantId) throw notFound('该网上申请');
  const item = await guideOf(db, row);
  const names = new Map(item.materials.map((m) => [materialKey(m.name), m.name]));
  for (const u of uploads) {
    if (!names.has(materialKey(u.materialName))) throw new DomainError('APPLICATION_MATERIAL_UNKNOWN', `“${u.materialName}”不是该事项要求的材料，请按告知单上传。`);
  }
  const stored: { file: StoredFile; upload: UploadedMaterial; material: string }[] = [];
  for (const u of uploads) stored.push({ file: await filesOf(ctx).put(u.bytes, UPLOAD_LIMITS.material, u.fileName), upload: u, material: names.get(materialKey(u.materialName))! });
  try {
    await db.transaction().execute((trx) =>
      takeStep(
        trx,
        ctx,
        { id, expectedVersion, party: 'applicant', userId: null, refuse: notOwn(who) },
        () => ({ action: 'resubmit', uploaded: stored.map((s) => s.material) }),
        async ({ row: r, org, seq }) => {
          const at = now.toISOString();
          for (const s of stored) await keepFile(trx, s.file, null, now);
          await repo.insertFiles(
            trx,
            stored.map((s) => ({ id: randomUUID(), application_id: id, step_seq: seq, material_name: s.material, file_hash: s.file.hash, size: s.file.size, type: s.file.type, original_name: s.upload.fileName, uploaded_at: at })),
          );
          await repo.insertEvidence(
            trx,
            stored.map((s) => {
              const holder = repo.holderOfApplication(r);
              return { id: randomUUID(), holder_kind: holder.kind, holder_number: holder.number, holder_name: holder.name, material_name: s.material, material_key: materialKey(s.material), level: 'C' as const, valid_until: null, checked_at: at, checked_by: null, file_hash: s.file.hash, application_id: id, case_id: null, item_code: null, result_no: null, created_at: at };
            }),
          );
          await notifySubmitted(trx, r, org.center_name, org.time_zone, now, seq);
        },
      ),
    );
  } catch (error) {
    await deleteUnused(ctx, stored.map((s) => s.file.hash));
    throw error;
  }
}

/** 撤回: the applicant takes back an application the window has not decided yet. */
export async function withdrawApplication(ctx: AppContext, who: ApplicantActor, id: string, expectedVersion: number, reason?: string): Promise<void> {
  await ctx.database.db.transaction().execute((trx) =>
    takeStep(trx, ctx, { id, expectedVersion, party: 'applicant', userId: null, refuse: notOwn(who) }, () => ({ action: 'withdraw', reason }), async () => {}),
  );
}
