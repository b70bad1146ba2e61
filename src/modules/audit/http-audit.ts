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

function problemCode(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  try {
    const code = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** What the log keeps of an answer: a refusal (403) or an export (200 on an audited route); else nothing. */
function auditEntry(request: FastifyRequest, status: number, payload: unknown) {
  if (status === 403) {
    return { action: 'http.forbidden', targetType: 'request', detail: { method: request.method, path: pathOf(request), code: problemCode(payload) } };
  }
  const action = status === 200 ? AUDITED_EXPORTS[`${request.method} ${request.routeOptions.url ?? ''}`] : undefined;
  return action ? { action, targetType: 'export', detail: { path: pathOf(request), query: request.query ?? {} } } : null;
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!.slice(0, 300);

/**
 * Records what no single route can: every request refused with 403 (someone tried what their role does not
 * allow) and every export. Written before the answer leaves, so an export whose entry cannot be written is
 * not sent.
 */
export function registerHttpAudit(app: FastifyInstance, ctx: AppContext): void {
  // a callback hook: almost every answer is neither a refusal nor an export and passes at once, without a promise
  app.addHook('onSend', (request, reply, payload, done) => {
    const entry = request.url.startsWith('/api/') ? auditEntry(request, reply.statusCode, payload) : null;
    if (!entry) return done(null, payload);
    recordAudit(ctx.database.db, { at: ctx.clock(), userId: request.actor?.userId ?? null, ip: request.ip, ...entry }).then(() => done(null, payload), done);
  });
}
