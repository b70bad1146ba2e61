/**
 * The query parameters of `GET services` and `GET requests` checked in one pass, so a third party's developer sees
 * every problem in one answer (README "有几处问题就列几条") rather than fixing them one request at a time. Each problem
 * names the parameter as sent.
 *
 * Pure: the current instant is an argument (the default date range ends now).
 */
import { requestDateRange } from './requests.js';

/** Without page_size a client gets every service (the catalog of one county is a few hundred at most). */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE = 100_000;
/** service_request_id: at most this many, comma separated. */
export const MAX_IDS = 100;

const LIMITS = { jurisdiction_id: 200, service_request_id: 2000, service_code: 40 } as const;

export type RawQuery = Readonly<Record<string, string | undefined>>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function positive(raw: RawQuery, name: 'page' | 'page_size', max: number, fallback: number, errors: string[]): number {
  const text = raw[name]?.trim();
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) errors.push(`${name} 必须是正整数，现为“${text.slice(0, 20)}”。`);
  else if (Number(text) < 1) errors.push(`${name} 至少为 1。`);
  else if (Number(text) > max) errors.push(`${name} 不能超过 ${max}。`);
  else return Number(text);
  return fallback;
}

function bounded(raw: RawQuery, name: keyof typeof LIMITS, errors: string[]): string | undefined {
  const text = raw[name];
  if (text !== undefined && text.length > LIMITS[name]) errors.push(`${name} 太长（不超过 ${LIMITS[name]} 个字符）。`);
  return text;
}

export interface ServicesQuery {
  jurisdictionId: string | undefined;
  page: number;
  pageSize: number;
}

export function checkServicesQuery(raw: RawQuery): Checked<ServicesQuery> {
  const errors: string[] = [];
  const jurisdictionId = bounded(raw, 'jurisdiction_id', errors);
  const page = positive(raw, 'page', MAX_PAGE, 1, errors);
  const pageSize = positive(raw, 'page_size', DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { jurisdictionId, page, pageSize } };
}

export type RequestsQuery =
  | { by: 'ids'; jurisdictionId: string | undefined; ids: string[] }
  | { by: 'filter'; jurisdictionId: string | undefined; serviceCode: string | undefined; from: Date; to: Date; status: 'open' | 'closed' | undefined; page: number; pageSize: number };

/**
 * GET requests: service_request_id, when given, overrides every other parameter (the specification), so only it is
 * checked then; otherwise every parameter, all at once: the dates each on their own (format), then the range.
 */
export function checkRequestsQuery(raw: RawQuery, now: Date): Checked<RequestsQuery> {
  const errors: string[] = [];
  const jurisdictionId = bounded(raw, 'jurisdiction_id', errors);
  const idsText = bounded(raw, 'service_request_id', errors);
  if (idsText !== undefined && idsText.trim() !== '') {
    const ids = [...new Set(idsText.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
    if (ids.length > MAX_IDS) errors.push(`service_request_id 一次最多 ${MAX_IDS} 个，请分批查询。`);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { by: 'ids', jurisdictionId, ids } };
  }
  const serviceCode = bounded(raw, 'service_code', errors)?.trim().toUpperCase() || undefined;
  const status = raw.status?.trim() || undefined;
  if (status !== undefined && status !== 'open' && status !== 'closed') errors.push('status 只能是 open 或 closed。');
  // each date alone first, so a bad start_date and a bad end_date are both named; a range only between two good ones
  const start = raw.start_date;
  const end = raw.end_date;
  const startAlone = requestDateRange(start, undefined, now);
  const endAlone = requestDateRange(undefined, end, now);
  if (!startAlone.ok) errors.push(startAlone.error);
  if (!endAlone.ok) errors.push(endAlone.error);
  const range = startAlone.ok && endAlone.ok ? requestDateRange(start, end, now) : null;
  if (range && !range.ok) errors.push(range.error);
  const page = positive(raw, 'page', MAX_PAGE, 1, errors);
  const pageSize = positive(raw, 'page_size', DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
  if (errors.length > 0 || !range || !range.ok) return { ok: false, errors };
  return { ok: true, value: { by: 'filter', jurisdictionId, serviceCode, from: range.from, to: range.to, status: status as 'open' | 'closed' | undefined, page, pageSize } };
}
