/**
 * POST /open311/v2/requests.{xml,json} (GeoReport v2 "POST Service Request"): a third party with an api_key files an
 * online application in pre-review for an applicant. The key first (403), then the service (404), then the form
 * against the service's definition (400, every problem at once). Then, for a realtime service, the materials
 * downloaded from their URLs (download-materials.ts; 400 naming the attribute when one cannot be fetched or is not a
 * PDF/JPG/PNG) and the application through the applications module, answered with its service_request_id; for a
 * batch service (serviceTypeOf) the checked request is queued and answered with a token (batch.ts), the job files
 * it. The same key and the same body posted again within the window give the first answer back and download nothing.
 */
import { createHash } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import type { Open311Value } from '../../domain/open311/document.js';
import { checkRequest, type RequestForm } from '../../domain/open311/requests.js';
import { materialAttributeCodes, serviceAttributes, serviceTypeOf } from '../../domain/open311/services.js';
import type { AppContext } from '../../server/context.js';
import { applicantMismatch } from '../applicants/open311-account.js';
import { findByPhone } from '../applicants/repo.js';
import { earlierOpen311Application, submitApplicationFromOpen311 } from '../applications/submit-open311.js';
import { authenticateApiKey } from './authenticate.js';
import { queueRequest } from './batch.js';
import { centersOffering, onlineService } from './catalog-services.js';
import { downloadMaterials } from './download-materials.js';
import { badParameters, unknownService } from './errors.js';
import { checkJurisdiction, countyOrg } from './jurisdiction.js';

/** The same post within this window (and the one before) is the same request. */
export const REPEAT_WINDOW_MS = 60 * 60 * 1000;

/** The idempotency keys of a post: this window's first, then the previous window's. */
export function requestKeys(keyId: string, form: RequestForm, now: Date): [string, string] {
  const { api_key: _key, ...params } = form.params;
  const canonical = JSON.stringify([Object.entries(params).sort(), Object.entries(form.attributes).sort()]);
  const hash = createHash('sha256').update(`${keyId}\n${canonical}`).digest('hex').slice(0, 48);
  const bucket = Math.floor(now.getTime() / REPEAT_WINDOW_MS);
  return [`open311:${hash}:${bucket}`, `open311:${hash}:${bucket - 1}`];
}

const serviceNotice = (center: string) =>
  `已收到网上申请，由${center}在 1 个工作日内预审，预审、补正、受理和办结的结果以短信告知申请人。申请人可在网上办事大厅用该手机号码“找回密码”设置密码后登录查看和补正。`;

const queuedNotice = (center: string) =>
  `已收到，排队受理：本事项材料较多，系统在后台逐项下载材料后建立网上申请（通常 1 分钟内），进入${center}的预审队列。请用 tokens/{token} 取得申请编号（service_request_id），再用 requests/{service_request_id} 查询进度；材料下载失败等原因未能建立的，tokens/{token} 的 service_notice 写明原因。`;

export async function postRequest(ctx: AppContext, form: RequestForm): Promise<Open311Value> {
  const { db } = ctx.database;
  const holder = await authenticateApiKey(ctx, form.params.api_key);
  await checkJurisdiction(ctx, await countyOrg(db), form.params.jurisdiction_id);
  const code = form.params.service_code?.trim() ?? '';
  if (code === '') throw badParameters(['缺少 service_code（事项编码）。请先用 services.xml 取得事项列表。']);
  const item = await onlineService(db, code.toUpperCase());
  if (!item) throw unknownService(code);

  const centers = await centersOffering(db, item.id);
  if (centers.length === 0) throw badParameters([`“${item.name}”目前没有便民服务中心开办网上申请，请到窗口咨询。`]);
  const codes = materialAttributeCodes(item.materials);
  const now = ctx.clock();
  const checked = checkRequest(
    form,
    { attributes: serviceAttributes(item, centers), materials: new Map(codes.map((c, i) => [c, item.materials[i]!.name])) },
    localDate(now, ctx.config.timeZone),
  );
  if (!checked.ok) throw badParameters(checked.errors);
  const request = checked.value;
  const center = centers.find((c) => c.key === request.center)!;

  const keys = requestKeys(holder.keyId, form, now);
  if (serviceTypeOf(item) === 'batch') {
    // what can be known now is refused now: the phone's account belonging to another person
    const account = await findByPhone(db, request.applicant.phone);
    if (account && (account.kind !== request.applicant.kind || ((account.kind === 'person' ? account.id_number : account.credit_code) ?? '').toUpperCase() !== request.applicant.number.toUpperCase())) {
      throw badParameters([applicantMismatch().message]);
    }
    const token = await queueRequest(ctx, { holder, itemCode: item.code, orgId: center.orgId, request, keys });
    // a token, no service_request_id: "This should not be returned if token is returned" (the specification)
    return [{ token, service_notice: queuedNotice(center.name), account_id: null }];
  }
  const earlier = await earlierOpen311Application(ctx, request.applicant.phone, keys);
  if (earlier) return [{ service_request_id: earlier.applicationNo, service_notice: serviceNotice(center.name), account_id: null }];

  const downloaded = await downloadMaterials(ctx, request.materials, { oneAtATime: false });
  if (!downloaded.ok) throw badParameters(downloaded.problems);

  try {
    const made = await submitApplicationFromOpen311(
      ctx,
      {
        applicant: request.applicant,
        itemCode: item.code,
        orgId: center.orgId,
        description: request.description,
        address: request.address,
        latitude: request.latitude,
        longitude: request.longitude,
        keyId: holder.keyId,
        files: downloaded.files,
      },
      keys,
    );
    return [{ service_request_id: made.applicationNo, service_notice: serviceNotice(center.name), account_id: null }];
  } catch (error) {
    // the applications module's refusals (materials missing, file type …) are the client's to fix: 400
    if (error instanceof DomainError && error.status < 500) throw badParameters([error.message]);
    throw error;
  }
}
