/**
 * POST /open311/v2/requests.{xml,json} (GeoReport v2 "POST Service Request"): a third party with an api_key files an
 * online application in pre-review for an applicant. The key first (403), then the service (404), then the form
 * against the service's definition (400, every problem at once), then the materials downloaded from their URLs
 * (fetch-material.ts; 400 naming the attribute when one cannot be fetched or is not a PDF/JPG/PNG), then the
 * application through the applications module. The same key and the same body posted again within the window give
 * the first application back and download nothing.
 */
import { createHash } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { FILE_TYPE_NAMES, sniffType } from '../../domain/files/content-type.js';
import type { Open311Value } from '../../domain/open311/document.js';
import { checkRequest, type RequestForm } from '../../domain/open311/requests.js';
import { materialAttributeCodes, serviceAttributes } from '../../domain/open311/services.js';
import type { AppContext } from '../../server/context.js';
import { earlierOpen311Application, submitApplicationFromOpen311 } from '../applications/submit-open311.js';
import type { UploadedMaterial } from '../applications/submit.js';
import { authenticateApiKey } from './authenticate.js';
import { centersOffering, onlineService } from './catalog-services.js';
import { badParameters, unknownService } from './errors.js';
import { fetchMaterial, MaterialFetchError, type FetchFailure } from './fetch-material.js';
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

const FETCH_PROBLEMS: Record<FetchFailure, string> = {
  scheme: '只能是 http:// 或 https:// 网址',
  private: '指向内部网络地址，本服务不下载',
  status: '下载失败（对方服务器未返回该文件）',
  too_large: '文件超过 10 MB，请压缩后重新提供',
  timeout: '下载超时，请确认该网址可直接下载',
  network: '无法连接该网址所在的服务器',
  redirects: '跳转次数过多',
};

const serviceNotice = (center: string) =>
  `已收到网上申请，由${center}在 1 个工作日内预审，预审、补正、受理和办结的结果以短信告知申请人。申请人可在网上办事大厅用该手机号码“找回密码”设置密码后登录查看和补正。`;

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
  const earlier = await earlierOpen311Application(ctx, request.applicant.phone, keys);
  if (earlier) return [{ service_request_id: earlier.applicationNo, service_notice: serviceNotice(center.name), account_id: null }];

  const results = await Promise.allSettled(request.materials.map((m) => fetchMaterial(m.url, { allowPrivate: ctx.config.open311FetchPrivate === true })));
  const problems: string[] = [];
  const files: UploadedMaterial[] = [];
  results.forEach((r, i) => {
    const m = request.materials[i]!;
    const where = `attribute[${m.code}]（${m.material}）`;
    if (r.status === 'rejected') {
      if (!(r.reason instanceof MaterialFetchError)) throw r.reason;
      problems.push(`${where}：${FETCH_PROBLEMS[r.reason.reason]}。`);
    } else if (!sniffType(r.value.bytes)) {
      problems.push(`${where}：下载到的文件不是 ${Object.values(FILE_TYPE_NAMES).join('、')}，请提供扫描件的 PDF 或照片。`);
    } else files.push({ materialName: m.material, bytes: r.value.bytes, fileName: r.value.fileName });
  });
  if (problems.length > 0) throw badParameters(problems);

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
        files,
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
