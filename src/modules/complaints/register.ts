/**
 * 投诉登记: a clerk registers a complaint received at the window, by phone, in writing, from a 差评 or forwarded
 * from 12345; a villager files one on the public page. The number and the query code are given at once; the
 * complaint, its first event, the receipt SMS and the audit entry are written in ONE transaction. The same
 * Idempotency-Key answers with the complaint it made, for the same request only: sent again with other content it is
 * refused (IDEMPOTENCY_KEY_REUSED, 422) and nothing is written.
 */
import { isIsoDate } from '../../domain/calendar/calendar.js';
import { randomInt, randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import {
  CASE_NO_NOT_FOUND,
  COMPLAINT_SOURCE_NAMES,
  complaintCaseNo,
  complaintDueDate,
  complaintNumber,
  queryCodeFrom,
  type ComplaintClass,
  type ComplaintSource,
} from '../../domain/complaints/complaints.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { checkPhone } from '../../domain/people/applicant.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, HttpError } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findProgress } from '../cases/repo.js';
import { findOrg } from '../orgs/repo.js';
import { notifyRegistered } from './notify.js';
import * as repo from './repo.js';
import { complaintViewer, limitsOf } from './view.js';

export interface ComplaintInput {
  source: ComplaintSource;
  cls: ComplaintClass;
  title: string;
  content: string;
  complainantName: string;
  complainantPhone: string;
  /** 被投诉单位: an organisation of the center's area, or a name typed in */
  respondentOrgId?: string | undefined;
  respondentUnit?: string | undefined;
  respondentPerson?: string | undefined;
  caseNo?: string | undefined;
  hotlineNo?: string | undefined;
  /** when the complaint came in (a letter or a phone call written up later); now when absent */
  receivedAt?: string | undefined;
}

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, { errors: [{ path, message }] }, 400);

function checkInput(input: ComplaintInput, now: Date, phonePath = 'complainantPhone'): void {
  if (input.source === 'bad_rating' && !input.caseNo) throw invalid('caseNo', '差评转投诉须填写被评价办件的办件编号。');
  if (input.source === 'hotline_12345' && !input.hotlineNo) throw invalid('hotlineNo', '12345 热线转办的投诉须填写 12345 工单编号。');
  const phone = checkPhone(input.complainantPhone);
  if (!phone.ok) throw invalid(phonePath, phone.error);
  if (input.receivedAt) {
    const at = new Date(input.receivedAt);
    // Date reads 11月31日 as 12月1日 without a word: the day itself must exist
    if (Number.isNaN(at.getTime()) || !isIsoDate(input.receivedAt.slice(0, 10))) throw invalid('receivedAt', '收到投诉的时间不是一个真实存在的日期，请重新选择。');
    if (at.getTime() > now.getTime() + 60_000) throw invalid('receivedAt', '收到投诉的时间不能晚于现在，请核对。');
    if (at.getTime() < now.getTime() - 30 * 86_400_000) throw invalid('receivedAt', '收到投诉的时间不能早于 30 天前；更早收到的投诉请按当天登记并在内容中说明。');
  }
}

/**
 * The 办件编号 a complaint names must be a case: it is how the assessment finds the window and the clerk. One that
 * names none is refused in the same words whatever it is, so the public page tells nothing about cases.
 */
async function checkNamedCase(ctx: AppContext, caseNo: string | null): Promise<void> {
  if (caseNo && !(await findProgress(ctx.database.db, caseNo))) throw invalid('caseNo', CASE_NO_NOT_FOUND);
}

/** Registers a complaint by a clerk of the actor's center. */
export async function registerComplaint(ctx: AppContext, actor: Actor, given: ComplaintInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const caseNo = complaintCaseNo(given.caseNo);
  const input = { ...given, caseNo: caseNo ?? undefined };
  checkInput(input, now);
  if (input.source === 'online') throw invalid('source', '网上投诉由群众在公开页面提交，工作人员登记请选择窗口、电话、书面、差评或 12345 转办。');
  await checkNamedCase(ctx, caseNo);
  return create(ctx, key, requestFingerprint('POST /api/complaints', given), actor.userId, async (trx) => {
    const org = await findOrg(trx, actor.orgId);
    if (!org || org.level === 'village') throw forbidden('登记投诉（投诉由乡镇或县级便民服务中心登记办理）');
    let respondentOrg: OrgsTable | undefined;
    if (input.respondentOrgId) {
      const viewer = await complaintViewer(trx, actor);
      respondentOrg = await findOrg(trx, input.respondentOrgId);
      if (!respondentOrg || !viewer.scope.has(respondentOrg.id)) throw invalid('respondentOrgId', '被投诉单位须是本中心或其下的便民服务室。');
    }
    return { org, respondentOrg, input };
  });
}

export interface PublicComplaintInput {
  orgId: string;
  name: string;
  phone: string;
  title: string;
  content: string;
  caseNo?: string | undefined;
}

/** A complaint filed on the public page: a village room's complaint is handled by its township center. */
export async function filePublicComplaint(
  ctx: AppContext,
  input: PublicComplaintInput,
  key: string,
): Promise<{ id: string; replayed: boolean; complaintNo: string; queryCode: string }> {
  const now = ctx.clock();
  const caseNo = complaintCaseNo(input.caseNo);
  const full: ComplaintInput = {
    source: 'online',
    cls: 'simple',
    title: input.title,
    content: input.content,
    complainantName: input.name,
    complainantPhone: input.phone,
    caseNo: caseNo ?? undefined,
  };
  checkInput(full, now, 'phone');
  await checkNamedCase(ctx, caseNo);
  const made = await create(ctx, key, requestFingerprint('POST /api/public/complaints', input), null, async (trx) => {
    const chosen = await findOrg(trx, input.orgId);
    if (!chosen) throw invalid('orgId', '请选择要投诉的便民服务中心。');
    const org = chosen.level === 'village' && chosen.parent_id ? await findOrg(trx, chosen.parent_id) : chosen;
    if (!org) throw invalid('orgId', '请选择要投诉的便民服务中心。');
    return { org, respondentOrg: chosen, input: full };
  });
  const stored = await repo.findComplaint(ctx.database.db, made.id);
  return { ...made, complaintNo: stored!.complaint_no, queryCode: stored!.query_code };
}

type Prepared = { org: OrgsTable; respondentOrg: OrgsTable | undefined; input: ComplaintInput };

async function create(ctx: AppContext, key: string, fingerprint: string, userId: string | null, prepare: (trx: Db) => Promise<Prepared>) {
  const found = (stored: repo.ComplaintRow | undefined) => {
    if (!stored) return undefined;
    if (stored.created_by !== userId) throw new HttpError('IDEMPOTENCY_KEY_REUSED', '该提交编号已被使用，请刷新页面后重新提交。', undefined, 409);
    assertSameRequest(stored.idempotency_fingerprint, fingerprint);
    return { id: stored.id, replayed: true };
  };
  const replay = async () => found(await repo.findComplaintByKey(ctx.database.db, key));
  // a number taken at the same moment by another complaint of the center fails on the unique index: try the next
  // (the answer is a replay or, after many tries, 409 — never 500)
  for (let attempt = 1; ; attempt++) {
    try {
      return await replayOnUniqueViolation(
        () =>
          ctx.database.db.transaction().execute(async (trx) => {
            const stored = found(await repo.findComplaintByKey(trx, key));
            if (stored) return stored;
            return insertIn(trx, ctx, userId, key, fingerprint, await prepare(trx));
          }),
        replay,
      );
    } catch (error) {
      const code = String((error as { code?: string }).code ?? '');
      if (attempt >= 10 || !/23505|SQLITE_CONSTRAINT/.test(code)) throw error;
      // several complaints of one center at the same moment: each tries the next number after a short, random pause
      await new Promise((resolve) => setTimeout(resolve, randomInt(5, 30)));
    }
  }
}

async function insertIn(trx: Db, ctx: AppContext, userId: string | null, key: string, fingerprint: string, p: Prepared) {
  const now = ctx.clock();
  const { org, input } = p;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const receivedOn = localDate(receivedAt, org.time_zone);
  const calendar = await loadCalendar(trx);
  const limits = await limitsOf(trx);
  let dueDate: string;
  try {
    dueDate = complaintDueDate(calendar, receivedOn, input.cls, limits);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('CALENDAR_NOT_LOADED', '工作日历尚未载入，无法计算答复时限，请联系系统管理员导入工作日历。');
  }
  const year = Number(receivedOn.slice(0, 4));
  const seq = await repo.nextComplaintSeq(trx, org.id, year);
  const id = randomUUID();
  const at = now.toISOString();
  const row: repo.ComplaintRow = {
    id,
    complaint_no: complaintNumber(org.code, year, seq),
    year,
    seq,
    org_id: org.id,
    respondent_org_id: p.respondentOrg?.id ?? null,
    respondent_unit: input.respondentUnit?.trim() || p.respondentOrg?.center_name || org.center_name,
    respondent_person: input.respondentPerson?.trim() || null,
    title: input.title.trim(),
    content: input.content.trim(),
    complainant_name: input.complainantName.trim(),
    complainant_phone: checkPhoneValue(input.complainantPhone),
    source: input.source,
    case_no: input.caseNo?.trim() || null,
    hotline_no: input.hotlineNo?.trim() || null,
    received_at: receivedAt.toISOString(),
    received_on: receivedOn,
    cls: input.cls,
    due_date: dueDate,
    extended_due: null,
    extension_reason: null,
    handler_id: null,
    handled_at: null,
    findings: null,
    upheld: null,
    decision_reasons: null,
    feedback: null,
    feedback_at: null,
    overdue_days: null,
    visit_result: null,
    assessment: 0,
    assessment_month: null,
    status: 'registered',
    merged_into_id: null,
    reminded_at: null,
    query_code: queryCodeFrom(randomInt),
    idempotency_key: key,
    idempotency_fingerprint: fingerprint,
    created_by: userId,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await repo.insertComplaint(trx, row);
  const refs = [row.case_no ? `办件编号 ${row.case_no}` : '', row.hotline_no ? `12345 工单 ${row.hotline_no}` : ''].filter(Boolean).join('，');
  await repo.appendEvent(trx, {
    id: randomUUID(),
    complaint_id: id,
    type: 'register',
    at,
    by_user_id: userId,
    from_status: null,
    to_status: 'registered',
    text: `${COMPLAINT_SOURCE_NAMES[input.source]}${refs ? `（${refs}）` : ''}，${input.cls === 'simple' ? '简单投诉' : '复杂投诉'}，${dueDate}前答复`,
  });
  await notifyRegistered(trx, row, org.center_name, now);
  await recordAudit(trx, { at: now, userId, action: 'complaint.register', targetType: 'complaint', targetId: id, detail: { complaintNo: row.complaint_no, source: row.source, orgId: org.id } });
  return { id, replayed: false };
}

const checkPhoneValue = (phone: string) => {
  const checked = checkPhone(phone);
  if (!checked.ok) throw invalid('complainantPhone', checked.error);
  return checked.value;
};
