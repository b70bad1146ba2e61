/**
 * GeoReport v2 service requests (http://wiki.open311.org/GeoReport_v2 "POST Service Request", "GET Service
 * Requests", "GET Service Request"), as online applications: what a POST's form must carry for a service (the
 * applicant attributes, the receiving center, a URL per material), the statuses a third party sees (`open` /
 * `closed`) with Chinese `status_notes` carrying ours and the case's kind, and the date range of a GET.
 *
 * Every refusal names the parameter or the attribute in the form a client sends it (`attribute[APPLICANT_NAME]`),
 * all of them at once. Pure: today's date and the instants are arguments.
 */
import { APPLICATION_STATUS_NAMES, type ApplicationStatus } from '../applications/application.js';
import type { IsoDate } from '../calendar/calendar.js';
import { STATUS_NAMES, type CaseKind, type CaseStatus } from '../cases/model.js';
import { accountPhone, checkRealName, type RealName } from '../people/applicant-account.js';
import { KIND_NAMES } from '../vocabulary/kinds.js';
import { APPLICANT_ATTRIBUTES, APPLICANT_TYPES, CENTER_ATTRIBUTE, type ServiceAttribute } from './services.js';

export const REQUEST_LIMITS = { description: 4000, address: 200, name: 50, email: 100, url: 2000 } as const;
/** GET requests: at most this many days between start_date and end_date (the specification's default range). */
export const MAX_RANGE_DAYS = 90;

/** The form of a POST as sent: plain parameters, and `attribute[CODE]` values by code. */
export interface RequestForm {
  params: Record<string, string>;
  attributes: Record<string, string>;
}

const ATTRIBUTE = /^attribute\[([^\]]{1,100})\](\[\])?$/;

/** The form's pairs (application/x-www-form-urlencoded): the first value of a parameter counts. */
export function requestFormOf(pairs: Iterable<[string, string]>): RequestForm {
  const form: RequestForm = { params: {}, attributes: {} };
  for (const [name, value] of pairs) {
    const m = ATTRIBUTE.exec(name);
    if (m) {
      const code = m[1]!;
      if (!(code in form.attributes)) form.attributes[code] = value;
    } else if (!(name in form.params)) form.params[name] = value;
  }
  return form;
}

export interface MaterialLink {
  code: string;
  /** the material's name in the 办事指南 */
  material: string;
  url: string;
}

export interface CheckedRequest {
  applicant: RealName & { phone: string };
  /** the receiving center's key (its organisation code) */
  center: string;
  materials: MaterialLink[];
  description: string | null;
  address: string | null;
  latitude: string | null;
  longitude: string | null;
}

export type CheckedRequestResult = { ok: true; value: CheckedRequest } | { ok: false; errors: string[] };

export interface RequestDefinition {
  attributes: readonly ServiceAttribute[];
  /** attribute code → the material it names */
  materials: ReadonlyMap<string, string>;
}

const attr = (code: string) => `attribute[${code}]`;
const HTML = /<\s*[a-zA-Z!/?]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
const DECIMAL = /^[+-]?\d{1,3}(\.\d{1,12})?$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}$/;

/** An absolute http(s) URL, or null. */
export function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

function coordinate(text: string | undefined, name: 'lat' | 'long', errors: string[]): string | null {
  if (text === undefined || text.trim() === '') return null;
  const t = text.trim();
  const limit = name === 'lat' ? 90 : 180;
  if (!DECIMAL.test(t) || Math.abs(Number(t)) > limit) {
    errors.push(`${name} 应为 WGS84 十进制度数（${name === 'lat' ? '纬度 -90 至 90' : '经度 -180 至 180'}），如 ${name === 'lat' ? '34.7466' : '113.6253'}。`);
    return null;
  }
  return String(Number(t));
}

function plainText(text: string | undefined, name: string, label: string, max: number, errors: string[]): string | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (t === '') return null;
  if ([...t].length > max) errors.push(`${name}（${label}）不能超过 ${max} 个字，现有 ${[...t].length} 个字。`);
  else if (HTML.test(t)) errors.push(`${name}（${label}）只能是纯文字，不能含有 HTML 标签或字符实体（如 <p>、&nbsp;）。`);
  else return t;
  return null;
}

/**
 * The form of a POST checked against the service's definition: every required attribute present, no unknown one,
 * the applicant real-named by the same checks as registration (GB 11643 ID number with its birth date, GB 32100
 * credit code), a mobile phone, a known center, http(s) URLs for the materials, plain-text description.
 */
export function checkRequest(form: RequestForm, definition: RequestDefinition, today: IsoDate): CheckedRequestResult {
  const errors: string[] = [];
  const known = new Map(definition.attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(form.attributes)) {
    if (!known.has(code)) errors.push(`${attr(code)} 不是该事项的申请要素，请按 services/{service_code} 返回的 attributes 填写。`);
  }
  const value = (code: string) => form.attributes[code]?.trim() ?? '';
  for (const a of definition.attributes) {
    if (a.required && value(a.code) === '') errors.push(`缺少 ${attr(a.code)}：${a.description}。`);
  }

  const type = value(APPLICANT_ATTRIBUTES.type);
  const kind = APPLICANT_TYPES.find((t) => t.key === type)?.key;
  if (type !== '' && !kind) errors.push(`${attr(APPLICANT_ATTRIBUTES.type)} 只能是 person（个人）或 organization（单位）。`);
  const name = value(APPLICANT_ATTRIBUTES.name);
  if (name !== '' && [...name].length > REQUEST_LIMITS.name) errors.push(`${attr(APPLICANT_ATTRIBUTES.name)}（申请人姓名）不能超过 ${REQUEST_LIMITS.name} 个字。`);
  const number = value(APPLICANT_ATTRIBUTES.idNumber);
  let realName: RealName | null = null;
  if (kind && name !== '' && number !== '') {
    const checked = checkRealName(kind === 'person' ? { kind, name, idNumber: number } : { kind, name, creditCode: number }, today);
    if (checked.ok) realName = checked.value;
    else errors.push(`${attr(APPLICANT_ATTRIBUTES.idNumber)} 未通过核验：${checked.error}`);
  }
  const phoneText = value(APPLICANT_ATTRIBUTES.phone);
  let phone: string | null = null;
  if (phoneText !== '') {
    const checked = accountPhone(phoneText);
    if (checked.ok) phone = checked.value;
    else errors.push(`${attr(APPLICANT_ATTRIBUTES.phone)} 不正确：${checked.error}`);
  }

  const center = value(CENTER_ATTRIBUTE);
  const centers = known.get(CENTER_ATTRIBUTE)?.values ?? [];
  if (center !== '' && !centers.some((c) => c.key === center)) {
    errors.push(`${attr(CENTER_ATTRIBUTE)} “${center}” 不是开办该事项的中心，可选：${centers.map((c) => `${c.key}（${c.name}）`).join('、')}。`);
  }

  const materials: MaterialLink[] = [];
  for (const [code, material] of definition.materials) {
    const text = value(code);
    if (text === '') continue;
    const url = text.length <= REQUEST_LIMITS.url ? httpUrl(text) : null;
    if (!url) errors.push(`${attr(code)}（${material}）应为以 https:// 或 http:// 开头、可直接下载的文件网址。`);
    else materials.push({ code, material, url: url.href });
  }

  const description = plainText(form.params.description, 'description', '申请说明', REQUEST_LIMITS.description, errors);
  const address = plainText(form.params.address_string, 'address_string', '地址', REQUEST_LIMITS.address, errors);
  const latitude = coordinate(form.params.lat, 'lat', errors);
  const longitude = coordinate(form.params.long, 'long', errors);
  if ((latitude === null) !== (longitude === null) && !errors.some((e) => e.startsWith('lat') || e.startsWith('long'))) {
    errors.push('lat 和 long 须同时填写（或都不填）。');
  }
  const email = form.params.email?.trim();
  if (email && (email.length > REQUEST_LIMITS.email || !EMAIL.test(email))) errors.push('email 不是有效的电子邮箱地址。');
  for (const n of ['first_name', 'last_name'] as const) plainText(form.params[n], n, n === 'first_name' ? '名' : '姓', REQUEST_LIMITS.name, errors);
  const media = form.params.media_url?.trim();
  if (media && (media.length > REQUEST_LIMITS.url || !httpUrl(media))) errors.push('media_url 应为以 https:// 或 http:// 开头的网址。');

  if (errors.length > 0 || !realName || !phone) return { ok: false, errors: errors.length > 0 ? errors : ['申请人信息不完整。'] };
  const onlyCenter = centers.length === 1 ? centers[0]!.key : '';
  return { ok: true, value: { applicant: { ...realName, phone }, center: center || onlyCenter, materials, description, address, latitude, longitude } };
}

// ---- what a third party sees of a request

export interface RequestFacts {
  status: ApplicationStatus;
  /** the case an acceptance opened */
  kase: { caseNo: string; kind: CaseKind; status: CaseStatus } | null;
  /**
   * The applicant's SMS about this step go out: a provider and the template configured, and a mobile to send to.
   * Without, the message only waits in the outbox, and the notes send the applicant to the online hall instead.
   */
  sms?: boolean;
}

const CLOSED_CASE: readonly CaseStatus[] = ['completed', 'delivered', 'returned', 'withdrawn'];

/** open while the application or its case is in progress; closed once returned, withdrawn or the case is finished. */
export function requestStatusOf(f: RequestFacts): 'open' | 'closed' {
  if (f.status === 'returned' || f.status === 'withdrawn') return 'closed';
  if (f.status === 'accepted') return f.kase && CLOSED_CASE.includes(f.kase.status) ? 'closed' : 'open';
  return 'open';
}

/** Our status in Chinese: 待预审 …; 已受理，承诺件，办件编号…，办理中. */
export function statusNotesOf(f: RequestFacts): string {
  switch (f.status) {
    case 'pre_review':
      return f.sms
        ? '待预审：受理窗口将在 1 个工作日内预审，结果以短信告知申请人。'
        : '待预审：受理窗口将在 1 个工作日内预审，申请人可登录网上办事大厅“我的办件”查看结果。';
    case 'supplement_requested':
      return '待补正材料：窗口已一次性告知需补正的材料，申请人可登录网上办事大厅补传。';
    case 'returned':
      return f.sms ? '已退回：预审未通过，退回理由已通知申请人。' : '已退回：预审未通过，请申请人登录网上办事大厅“我的办件”查看退回理由。';
    case 'withdrawn':
      return '已撤回：申请人已撤回该申请。';
    case 'accepted':
      return f.kase ? `${APPLICATION_STATUS_NAMES.accepted}，${KIND_NAMES[f.kase.kind]}，办件编号 ${f.kase.caseNo}，${STATUS_NAMES[f.kase.status]}。` : `${APPLICATION_STATUS_NAMES.accepted}。`;
  }
}

// ---- GET requests: the date range

const ISO_ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)$/;

export type DateRange = { ok: true; from: Date; to: Date } | { ok: false; error: string };

/** start_date/end_date (ISO 8601 with zone), at most 90 days apart; the last 90 days when neither is given. */
export function requestDateRange(start: string | undefined, end: string | undefined, now: Date): DateRange {
  const parse = (text: string | undefined, name: string): Date | string | null => {
    if (text === undefined || text.trim() === '') return null;
    const t = text.trim();
    const d = ISO_ZONED.test(t) ? new Date(t) : null;
    return d && !Number.isNaN(d.getTime()) ? d : `${name} 应为带时区的 ISO 8601 时间，如 2026-03-01T00:00:00+08:00。`;
  };
  const from = parse(start, 'start_date');
  const to = parse(end, 'end_date');
  if (typeof from === 'string') return { ok: false, error: from };
  if (typeof to === 'string') return { ok: false, error: to };
  const span = MAX_RANGE_DAYS * 86_400_000;
  const upTo = to ?? (from ? new Date(Math.min(from.getTime() + span, Math.max(now.getTime(), from.getTime()))) : now);
  const since = from ?? new Date(upTo.getTime() - span);
  if (since.getTime() > upTo.getTime()) return { ok: false, error: 'start_date 不能晚于 end_date。' };
  if (upTo.getTime() - since.getTime() > span) return { ok: false, error: `start_date 与 end_date 最多相隔 ${MAX_RANGE_DAYS} 天，请分段查询。` };
  return { ok: true, from: since, to: upTo };
}
