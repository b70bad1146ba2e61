import type { FastifyInstance } from 'fastify';
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

/**
 * Records what no single route can: every request refused with 403 (someone tried what their role does not
 * allow) and every export. Written before the answer leaves, so an export whose entry cannot be written is
 * not sent.
 */
export function registerHttpAudit(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) return payload;
    const path = request.url.split('?')[0]!.slice(0, 300);
    if (reply.statusCode === 403) {
      await recordAudit(ctx.database.db, {
        at: ctx.clock(),
        userId: request.actor?.userId ?? null,
        action: 'http.forbidden',
        targetType: 'request',
        detail: { method: request.method, path, code: problemCode(payload) },
        ip: request.ip,
      });
    } else if (reply.statusCode === 200) {
      const action = AUDITED_EXPORTS[`${request.method} ${request.routeOptions.url ?? ''}`];
      if (action) {
        await recordAudit(ctx.database.db, {
          at: ctx.clock(),
          userId: request.actor?.userId ?? null,
          action,
          targetType: 'export',
          detail: { path, query: request.query ?? {} },
          ip: request.ip,
        });
      }
    }
    return payload;
  });
}
