/**
 * GET /open311/v2/requests.{xml,json} and GET /open311/v2/requests/{id}.{xml,json} (GeoReport v2 "GET Service
 * Requests" / "GET Service Request"): the applications made through Open311 — by any key, the reads are public — as
 * the specification's service requests. No personal data: no applicant name, ID number or phone, ever.
 *
 * `status` is open while the application waits for pre-review or a supplement, or its case is in progress; closed once
 * returned, withdrawn, or the case finished or returned. The range of a list is at most 90 days (one county's
 * requests in that time are read whole, then filtered by status and paged).
 */
import type { ApplicationStatus } from '../../domain/applications/application.js';
import type { CaseKind, CaseStatus } from '../../domain/cases/model.js';
import type { Open311Value } from '../../domain/open311/document.js';
import type { RequestsQuery } from '../../domain/open311/query.js';
import { requestStatusOf, statusNotesOf, type RequestFacts } from '../../domain/open311/requests.js';
import { isoWithOffset } from '../../domain/open311/time.js';
import { parseMobile } from '../../domain/people/id-number.js';
import type { AppContext } from '../../server/context.js';
import * as applications from '../applications/repo.js';
import { caseSummariesByIds } from '../cases/repo.js';
import { smsReady, smsSettings } from '../notifications/send.js';
import { orgsByIds } from '../orgs/repo.js';
import { Open311Error } from './errors.js';
import { checkJurisdiction, countyOrg } from './jurisdiction.js';

async function present(ctx: AppContext, rows: readonly applications.ApplicationRow[]) {
  const { db } = ctx.database;
  const [orgs, cases, steps] = await Promise.all([orgsByIds(db, rows.map((r) => r.org_id)), caseSummariesByIds(db, rows.map((r) => r.case_id)), applications.lastStepAt(db, rows.map((r) => r.id))]);
  // what the notes may say was told by SMS: only what a configured channel sends (else it waits in the outbox)
  const settings = await smsSettings(db);
  const smsFor = { pre_review: await smsReady(ctx, 'application-submitted', settings), returned: await smsReady(ctx, 'application-returned', settings) };
  const at = (iso: string | null) => (iso ? isoWithOffset(new Date(iso), ctx.config.timeZone) : null);
  return rows.map((r) => {
    const kase = r.case_id ? cases.get(r.case_id) : undefined;
    const status = r.status as ApplicationStatus;
    const sms = parseMobile(r.applicant_phone).ok && (status === 'pre_review' ? smsFor.pre_review : status === 'returned' ? smsFor.returned : false);
    const facts: RequestFacts = { status, kase: kase ? { caseNo: kase.case_no, kind: kase.kind as CaseKind, status: kase.status as CaseStatus } : null, sms };
    const center = orgs.get(r.org_id)?.center_name ?? '';
    const updated = [r.updated_at, steps.get(r.id) ?? '', kase?.updated_at ?? ''].reduce((a, b) => (b > a ? b : a));
    const value: Record<string, Open311Value> = {
      service_request_id: r.application_no,
      status: requestStatusOf(facts),
      status_notes: statusNotesOf(facts),
      service_name: r.item_name,
      service_code: r.item_code,
      agency_responsible: center,
      service_notice: smsFor.returned ? `由${center}受理；预审、补正、受理和办结的结果以短信告知申请人。` : `由${center}受理；预审、补正、受理和办结的结果请申请人登录网上办事大厅“我的办件”查看。`,
      requested_datetime: at(r.submitted_at),
      updated_datetime: at(updated),
      // the case's due date once accepted (none yet while an escalated case travels), else the pre-review's
      expected_datetime: at(r.status === 'accepted' ? (kase?.due_at ?? null) : r.pre_review_due_at),
      // no description, address or lat/long: unlike a pothole, a request here is a person's own application, and
      // what they wrote and where they live are theirs (the list is public and its numbers are sequential)
    };
    return { value, status: value.status as 'open' | 'closed' };
  });
}

/** The query as checked (src/domain/open311/query.ts: every parameter problem answered at once, before this). */
export async function listRequests(ctx: AppContext, q: RequestsQuery): Promise<{ requests: Open311Value[]; total: number }> {
  const { db } = ctx.database;
  await checkJurisdiction(ctx, await countyOrg(db), q.jurisdictionId);
  if (q.by === 'ids') {
    // service_request_id overrides every other parameter (the specification)
    const shown = await present(ctx, await applications.listOpen311(db, { numbers: q.ids, from: '', to: '' }));
    return { requests: shown.map((s) => s.value), total: shown.length };
  }
  const rows = await applications.listOpen311(db, { itemCode: q.serviceCode, from: q.from.toISOString(), to: q.to.toISOString() });
  const shown = (await present(ctx, rows)).filter((s) => !q.status || s.status === q.status);
  const start = (q.page - 1) * q.pageSize;
  return { requests: shown.slice(start, start + q.pageSize).map((s) => s.value), total: shown.length };
}

export async function oneRequest(ctx: AppContext, id: string, jurisdictionId: string | undefined): Promise<Open311Value> {
  const { db } = ctx.database;
  await checkJurisdiction(ctx, await countyOrg(db), jurisdictionId);
  const row = await applications.findOpen311ByNo(db, id.trim());
  if (!row) throw new Open311Error(404, [`没有编号为“${id}”的服务请求（service_request_id）。编号是 POST requests 返回的网上申请编号，如 WS20260302-0001。`]);
  return (await present(ctx, [row])).map((s) => s.value);
}
