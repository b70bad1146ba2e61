/**
 * 网上申请 (issue 11 §2): a real-named applicant applies for an item that allows it at a center that offers it, with the
 * materials as uploads (PDF/JPG/PNG, type by content, through the file store) or already on file (evidence reuse).
 * The domain decides (every main material given), then ONE transaction writes the application, its first step, its
 * files, the uploads as level-C evidence and the promises (告知承诺) as level D, the receipt SMS and the audit entry. The same Idempotency-Key gives the
 * first request's application, never a second one.
 */
import { randomUUID } from 'node:crypto';
import { decideApplication, receivesOnlineApplications } from '../../domain/applications/application.js';
import { checkPromises, materialKey, onFile } from '../../domain/applications/evidence.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { UPLOAD_LIMITS } from '../../domain/files/content-type.js';
import { replayOnUniqueViolation, retryOnUniqueViolation, toBool, toJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { notSignedIn, type ApplicantActor } from '../applicants/session.js';
import { findById as findApplicant, type ApplicantRow } from '../applicants/repo.js';
import { recordAudit } from '../audit/repo.js';
import { centerTime } from '../cases/center.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemOffered } from '../catalog/repo.js';
import { filesOf } from '../files/index.js';
import { deleteUnused, keepFile } from '../files/references.js';
import type { StoredFile } from '../files/store.js';
import { findOrg } from '../orgs/repo.js';
import { notifySubmitted } from './notify.js';
import { refusal } from './refusal.js';
import * as repo from './repo.js';
import { toEvidence } from './presenter.js';

export interface UploadedMaterial {
  materialName: string;
  bytes: Buffer;
  fileName: string | null;
}

export interface SubmitInput {
  itemCode: string;
  orgId: string;
  description?: string | undefined;
  address?: string | undefined;
  files: readonly UploadedMaterial[];
  /** materials promised under 告知承诺 instead of uploaded (only those the catalog marks 可告知承诺) */
  promised?: readonly string[] | undefined;
}

/** WS20261206-0001 */
export const applicationNumber = (day: string, seq: number) => `WS${day}-${String(seq).padStart(4, '0')}`;

export async function submitApplication(ctx: AppContext, who: ApplicantActor, input: SubmitInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const { db } = ctx.database;
  // the form as sent, its files by their content: the key answers only the same submission
  const fingerprint = requestFingerprint('POST /api/public/applications', input);
  const earlier = await repo.findByKey(db, who.applicantId, key);
  if (earlier) {
    assertSameRequest(earlier.idempotency_fingerprint, fingerprint);
    return { id: earlier.id, replayed: true };
  }
  const account = await findApplicant(db, who.applicantId);
  if (!account) throw notSignedIn();
  return submitAs(ctx, account, input, key, { source: 'hall', fingerprint });
}

/** Where an application came from, and what only some sources bring (Open311: the location, the api_key). */
export interface SubmitSource {
  source: 'hall' | 'open311';
  latitude?: string | null;
  longitude?: string | null;
  open311KeyId?: string | null;
  /** earlier idempotency keys that also mean "the same submission" (Open311: the previous window's) */
  earlierKeys?: readonly string[];
  /**
   * the request `key` was sent with (src/db/idempotency.ts): the key answers only the same submission. The hall
   * sends it; Open311 has none, its key being a hash of the request itself.
   */
  fingerprint?: string;
}

/**
 * The one way an application is made, whoever brings it (the public hall, Open311): the account applies, the domain
 * decides, one transaction writes everything. `key` identifies the submission per account.
 */
export async function submitAs(ctx: AppContext, account: ApplicantRow, input: SubmitInput, key: string, from: SubmitSource): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const storedUnderKey = async (d: typeof db) => {
    for (const k of [key, ...(from.earlierKeys ?? [])]) {
      const stored = await repo.findByKey(d, account.id, k);
      if (!stored) continue;
      if (from.fingerprint) assertSameRequest(stored.idempotency_fingerprint, from.fingerprint);
      return { id: stored.id, replayed: true };
    }
    return undefined;
  };
  const replay = () => storedUnderKey(db);
  const earlier = await replay();
  if (earlier) return earlier;

  if (!toBool(account.real_name_verified)) {
    throw new DomainError('APPLICANT_NOT_VERIFIED', '您的账号还没有通过实名核验，不能网上申请。请在“我的”中补充身份证号码（单位为统一社会信用代码）。', undefined, 403);
  }
  const org = await findOrg(db, input.orgId);
  if (!org || !receivesOnlineApplications(org.level)) throw new DomainError('APPLICATION_CENTER_INVALID', '请选择开办该事项的乡镇或县级便民服务中心。');
  const found = await findItemOffered(db, input.itemCode, org.id);
  if (!found || found.item.status !== 'active') throw new DomainError('ITEM_NOT_FOUND', `没有编码为 ${input.itemCode} 的在用事项，请从事项目录中选择。`);
  const item = presentItem(found.item);
  if (!item.onlineAllowed) throw new DomainError('APPLICATION_NOT_ONLINE', `“${item.name}”不能网上申请，请带齐材料到窗口办理。`);
  if (!found.offering) throw new DomainError('ITEM_NOT_OFFERED', `${org.center_name}未开办“${item.name}”，请选择开办该事项的中心。`);
  const guideKeys = new Map(item.materials.map((m) => [materialKey(m.name), m.name]));
  for (const f of input.files) {
    if (!guideKeys.has(materialKey(f.materialName))) throw new DomainError('APPLICATION_MATERIAL_UNKNOWN', `“${f.materialName}”不是该事项要求的材料，请按材料清单上传。`);
  }

  const today = localDate(now, org.time_zone);
  // evidence is the real-named person's (their window cases too), not the account's
  const holder = repo.holderOfAccount(account)!;
  const evidence = (await repo.evidenceOf(db, holder)).map(toEvidence);
  const kept = onFile(item.materials, evidence, today);
  const time = await centerTime(db, org);
  const supplied = input.files.map((f) => guideKeys.get(materialKey(f.materialName))!);
  const promises = checkPromises(item.materials, input.promised ?? []);
  if (!promises.ok) throw new DomainError('APPLICATION_PROMISE_NOT_ALLOWED', `“${promises.notPromisable.join('、')}”不能告知承诺，请上传该材料。`);
  // a material both uploaded and promised is uploaded; one already on file needs no promise
  const suppliedKeys = new Set(supplied.map(materialKey));
  const promised = promises.promised.filter((p) => !suppliedKeys.has(materialKey(p)) && !kept.has(p));
  const decision = decideApplication(null, { action: 'submit', guide: item.materials, supplied, onFile: [...kept.keys()], promised }, { now, party: 'applicant', userId: null, clock: time });
  if (!decision.ok) throw refusal(decision);

  // The bytes first (checked by content, kept under their hash); the rows that use them in the transaction below.
  const stored: { file: StoredFile; upload: UploadedMaterial; material: string }[] = [];
  for (const [i, upload] of input.files.entries()) stored.push({ file: await filesOf(ctx).put(upload.bytes, UPLOAD_LIMITS.material, upload.fileName), upload, material: supplied[i]! });

  const day = today.replaceAll('-', '');
  const at = now.toISOString();
  try {
    const result = await retryOnUniqueViolation(() =>
      replayOnUniqueViolation(
        () =>
          db.transaction().execute(async (trx) => {
            const again = await storedUnderKey(trx);
            if (again) return again;
            const seq = await repo.nextSeq(trx, day);
            const id = randomUUID();
            const app = decision.application;
            const row: repo.ApplicationRow = {
              id,
              application_no: applicationNumber(day, seq),
              day,
              seq,
              applicant_id: account.id,
              org_id: org.id,
              window_id: found.offering?.window_id ?? null,
              item_id: found.item.id,
              item_code: found.item.code,
              item_name: found.item.name,
              applicant_kind: account.kind,
              applicant_name: account.name,
              applicant_number: account.id_number ?? account.credit_code ?? '',
              applicant_phone: account.phone,
              applicant_address: input.address?.trim() || null,
              description: input.description?.trim() || null,
              status: app.status,
              submitted_at: app.submittedAt,
              pre_review_due_at: app.preReviewDueAt,
              noticed: toJson(app.noticed),
              case_id: null,
              source: from.source,
              latitude: from.latitude ?? null,
              longitude: from.longitude ?? null,
              open311_key_id: from.open311KeyId ?? null,
              idempotency_key: key,
              idempotency_fingerprint: from.fingerprint ?? null,
              created_at: at,
              updated_at: at,
              version: app.version,
            };
            await repo.insertApplication(trx, row);
            await repo.insertStep(trx, { id: randomUUID(), application_id: id, seq: 1, action: 'submit', at, by_user_id: null, from_status: null, to_status: app.status, text: '', materials: toJson(supplied) });
            for (const s of stored) await keepFile(trx, s.file, null, now);
            await repo.insertFiles(
              trx,
              stored.map((s) => ({ id: randomUUID(), application_id: id, step_seq: 1, material_name: s.material, file_hash: s.file.hash, size: s.file.size, type: s.file.type, original_name: s.upload.fileName, uploaded_at: at })),
            );
            const mine = { holder_kind: holder.kind, holder_number: holder.number, holder_name: holder.name, checked_at: at, checked_by: null, application_id: id, case_id: null, item_code: null, result_no: null, created_at: at };
            await repo.insertEvidence(trx, [
              ...stored.map((s) => ({ ...mine, id: randomUUID(), material_name: s.material, material_key: materialKey(s.material), level: 'C' as const, valid_until: null, file_hash: s.file.hash })),
              // 告知承诺: the promise stands in for the material in this application only (level D)
              ...promised.map((m) => ({ ...mine, id: randomUUID(), material_name: m, material_key: materialKey(m), level: 'D' as const, valid_until: null, file_hash: null })),
            ]);
            await notifySubmitted(trx, row, org.center_name, time.timeZone, now);
            await recordAudit(trx, { at: now, userId: null, action: 'application.submit', targetType: 'application', targetId: id, detail: { applicantId: account.id, applicationNo: row.application_no, itemCode: row.item_code, source: from.source } });
            return { id, replayed: false };
          }),
        replay,
      ),
    );
    // a replay's uploads are the first request's again, or bytes nobody uses
    if (result.replayed) await deleteUnused(ctx, stored.map((s) => s.file.hash));
    return result;
  } catch (error) {
    // nothing points at bytes stored for a request that failed: forget them (unless another record uses them)
    await deleteUnused(ctx, stored.map((s) => s.file.hash));
    throw error;
  }
}
