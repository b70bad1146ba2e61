import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from './repo.js';

/**
 * Downloads that carry many records out of the system, by route. Each successful one is an audit entry with
 * its filter (ledger and village table: personal data and statistics; catalog: what the county publishes).
 * A new export route is added here.
 */
export const AUDITED_EXPORTS: Record<string, string> = {
  'GET /api/cases/export.xlsx': 'export.ledger',
  'GET /api/agents/monthly.xlsx': 'export.villageMonthly',
  'GET /api/catalog/export.xlsx': 'export.catalog',
  'GET /api/supervision/report.xlsx': 'export.supervisionReport',
  'GET /api/evaluations/export.xlsx': 'export.evaluations',
  'GET /api/attendance/month.xlsx': 'export.attendance',
  'GET /api/audit/export.xlsx': 'export.audit',
};

/** The refusal's code and the words the refused person was told (the reason the auditor reads). */
function problemOf(payload: unknown): { code: string | null; title?: string } {
  if (typeof payload !== 'string') return { code: null };
  try {
    const { code, title } = JSON.parse(payload) as { code?: unknown; title?: unknown };
    return { code: typeof code === 'string' ? code : null, ...(typeof title === 'string' && { title: title.slice(0, 300) }) };
  } catch {
    return { code: null };
  }
}

/** What the log keeps of an answer: a refusal (403) or an export (200 on an audited route); else nothing. */
function auditEntry(request: FastifyRequest, status: number, payload: unknown) {
  if (status === 403) {
    return { action: 'http.forbidden', targetType: 'request', detail: { method: request.method, path: pathOf(request), ...problemOf(payload) } };
  }
  const action = status === 200 ? AUDITED_EXPORTS[`${request.method} ${request.routeOptions.url ?? ''}`] : undefined;
  return action ? { action, targetType: 'export', detail: { path: pathOf(request), query: request.query ?? {} } } : null;
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!.slice(0, 300);

/** Each route's summary by method, with its path as a pattern: the log names a refused request by what it was. */
const ROUTE_SUMMARIES: { method: string; pattern: RegExp; params: number; summary: string }[] = [];

function rememberRoute(method: string | string[], url: string, summary: unknown): void {
  if (typeof summary !== 'string' || !url.startsWith('/api/')) return;
  const pattern = new RegExp(`^${url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
  const params = url.split('/').filter((part) => part.startsWith(':')).length;
  for (const m of Array.isArray(method) ? method : [method]) {
    if (!ROUTE_SUMMARIES.some((r) => r.method === m && r.pattern.source === pattern.source)) ROUTE_SUMMARIES.push({ method: m, pattern, params, summary });
  }
}

/** What a request to `path` was, as its route's summary says (a fixed path before a pattern, as the router does). */
export function routeSummary(method: string, path: string): string | undefined {
  let best: (typeof ROUTE_SUMMARIES)[number] | undefined;
  for (const r of ROUTE_SUMMARIES) {
    if (r.method === method && r.pattern.test(path) && (!best || r.params < best.params)) best = r;
  }
  return best?.summary;
}

/**
 * Records what no single route can: every request refused with 403 (someone tried what their role does not
 * allow) and every export. Written before the answer leaves, so an export whose entry cannot be written is
 * not sent.
 */
export function registerHttpAudit(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRoute', (route) => rememberRoute(route.method, route.url, route.schema?.summary));
  // a callback hook: almost every answer is neither a refusal nor an export and passes at once, without a promise
  app.addHook('onSend', (request, reply, payload, done) => {
    const entry = request.url.startsWith('/api/') ? auditEntry(request, reply.statusCode, payload) : null;
    if (!entry) return done(null, payload);
    recordAudit(ctx.database.db, { at: ctx.clock(), userId: request.actor?.userId ?? null, ip: request.ip, ...entry }).then(() => done(null, payload), done);
  });
}
