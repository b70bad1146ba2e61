/**
 * Open311 batch services (GeoReport v2 `type` batch; which ones: serviceTypeOf in src/domain/open311/services.ts).
 *
 * `queueRequest`: a POST already checked (api_key, service, every attribute, the URLs) is kept in open311_tokens
 * and answered with a token; the same post again within the hour answers the same token (a unique index settles two
 * arriving at once), unless that one failed: then it is a new request with a new token. `convertDue` (the job `open311-batch`, once across processes through runJobOnce, and each row
 * claimed on its own as well): downloads each due request's materials one at a time and files the online application
 * through the same code path as the realtime POST (submitApplicationFromOpen311, the request's key as idempotency
 * key, so an attempt cut short after the application was made finds it again). A failure that may pass is tried again
 * after a backoff; a final one marks the token failed with its reason, writes an audit entry and is named in the
 * job's run line. `tokenAnswer`: `GET tokens/{token}`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { Open311Value } from '../../domain/open311/document.js';
import type { CheckedRequest } from '../../domain/open311/requests.js';
import { afterAttempt, LEASE_MS, TOKEN_PATTERN, tokenAnswerOf, type AttemptOutcome, type TokenStatus } from '../../domain/open311/tokens.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { findApplication } from '../applications/repo.js';
import { submitApplicationFromOpen311 } from '../applications/submit-open311.js';
import { recordAudit } from '../audit/repo.js';
import type { ApiKeyHolder } from './authenticate.js';
import { onlineService } from './catalog-services.js';
import { downloadMaterials } from './download-materials.js';
import { Open311Error } from './errors.js';
import { checkJurisdiction, countyOrg } from './jurisdiction.js';
import * as repo from './tokens-repo.js';

/** At most this many requests per run: a run is short, the next one (30 s later) takes the rest. */
const PER_RUN = 20;

export const newToken = () => randomBytes(12).toString('hex');

export interface QueuedRequest {
  holder: ApiKeyHolder;
  itemCode: string;
  orgId: string;
  request: CheckedRequest;
  /** this hour's request key first, then the last hour's (post-request.ts requestKeys) */
  keys: readonly [string, string];
}

/**
 * The token of this request: the one an identical earlier post got (queued, working or done), or a new one. An
 * identical post after a failure is a new try: the failed request gives up its key and keeps its token and reason.
 */
export async function queueRequest(ctx: AppContext, q: QueuedRequest): Promise<string> {
  const { db } = ctx.database;
  const stored = async () => (await repo.findByRequestKeys(db, q.keys)).find((r) => r.status !== 'failed')?.token;
  const earlier = await stored();
  if (earlier) return earlier;
  for (const failed of await repo.findByRequestKeys(db, q.keys)) await repo.retireRequestKey(db, failed.id, failed.request_key);
  const at = ctx.clock().toISOString();
  const token = newToken();
  return replayOnUniqueViolation(async () => {
    await repo.insertToken(db, {
      id: randomUUID(),
      token,
      request_key: q.keys[0],
      key_id: q.holder.keyId,
      item_code: q.itemCode,
      org_id: q.orgId,
      payload: JSON.stringify(q.request),
      status: 'queued',
      attempts: 0,
      next_attempt_at: at,
      lease_until: null,
      application_id: null,
      error: null,
      created_at: at,
      updated_at: at,
    });
    return token;
  }, stored);
}

/** One attempt at a claimed request: the application's id, or why not. */
async function attempt(ctx: AppContext, row: repo.TokenRow): Promise<{ outcome: AttemptOutcome; applicationId: string | null }> {
  const request = JSON.parse(row.payload ?? 'null') as CheckedRequest | null;
  if (!request) return { outcome: { ok: false, kind: 'final', reasons: ['申请内容已不在队列中。'] }, applicationId: null };
  const item = await onlineService(ctx.database.db, row.item_code);
  if (!item) return { outcome: { ok: false, kind: 'final', reasons: [`事项 ${row.item_code} 已不再接受网上申请。`] }, applicationId: null };
  const downloaded = await downloadMaterials(ctx, request.materials, { oneAtATime: true });
  if (!downloaded.ok) return { outcome: { ok: false, kind: downloaded.kind, reasons: downloaded.problems }, applicationId: null };
  try {
    const made = await submitApplicationFromOpen311(
      ctx,
      {
        applicant: request.applicant,
        itemCode: item.code,
        orgId: row.org_id,
        description: request.description,
        address: request.address,
        latitude: request.latitude,
        longitude: request.longitude,
        keyId: row.key_id,
        files: downloaded.files,
      },
      [row.request_key],
    );
    return { outcome: { ok: true }, applicationId: made.id };
  } catch (error) {
    // the applications module's refusals (the phone is another person's, the center stopped offering it …) are final
    if (error instanceof DomainError && error.status < 500) return { outcome: { ok: false, kind: 'final', reasons: [error.message] }, applicationId: null };
    throw error;
  }
}

export interface BatchRun {
  made: number;
  retried: number;
  failed: { token: string; error: string }[];
  /** attempts that broke on something of ours (the database, the file store): retried, and the run reports them */
  broken: string[];
}

/** Every due request, each claimed on its own and attempted once. */
export async function convertDue(ctx: AppContext, now: Date): Promise<BatchRun> {
  const { db } = ctx.database;
  const run: BatchRun = { made: 0, retried: 0, failed: [], broken: [] };
  const at = now.toISOString();
  for (const due of await repo.dueTokens(db, at, PER_RUN)) {
    // the lease runs from the moment this one is taken, not from the run's start
    const takenAt = ctx.clock();
    if (!(await repo.claimToken(db, due.id, due.attempts, takenAt.toISOString(), new Date(takenAt.getTime() + LEASE_MS).toISOString()))) continue;
    const attempts = due.attempts + 1;
    const row = (await db.selectFrom('open311_tokens').selectAll().where('id', '=', due.id).executeTakeFirstOrThrow()) as repo.TokenRow;
    let result: Awaited<ReturnType<typeof attempt>>;
    try {
      result = await attempt(ctx, row);
    } catch (error) {
      // ours, not the client's: queued again after the backoff like a passing failure, and reported by the run
      const message = error instanceof Error ? error.message : String(error);
      run.broken.push(`${row.token}：${message}`);
      result = { outcome: { ok: false, kind: 'passing', reasons: ['本系统处理时出现问题（不是所提交内容的问题）。'] }, applicationId: null };
    }
    const next = afterAttempt(attempts, result.outcome, ctx.clock());
    const updatedAt = ctx.clock().toISOString();
    if (next.status === 'done') {
      await repo.finishToken(db, row.id, attempts, { status: 'done', application_id: result.applicationId, error: null, payload: null, lease_until: null, updated_at: updatedAt });
      run.made++;
    } else if (next.status === 'queued') {
      await repo.finishToken(db, row.id, attempts, { status: 'queued', next_attempt_at: next.nextAttemptAt.toISOString(), error: next.error, lease_until: null, updated_at: updatedAt });
      run.retried++;
    } else {
      await db.transaction().execute(async (trx) => {
        const r = await repo.finishToken(trx, row.id, attempts, { status: 'failed', error: next.error, payload: null, lease_until: null, updated_at: updatedAt });
        // another job took it over meanwhile (this one outlived its lease): that one records the outcome
        if (Number(r.numUpdatedRows) !== 1) return;
        await recordAudit(trx, { at: ctx.clock(), userId: null, action: 'open311.batch_failed', targetType: 'open311_token', targetId: row.id, detail: { token: row.token, itemCode: row.item_code, keyId: row.key_id, attempts, error: next.error } });
      });
      run.failed.push({ token: row.token, error: next.error });
    }
  }
  return run;
}

export const unknownToken = (token: string) =>
  new Open311Error(404, [`没有这个 token：“${token}”。token 由 POST requests 向批量受理的事项（services 中 type 为 batch）提交时返回，请核对；即时受理的事项直接返回 service_request_id，请用 requests/{service_request_id} 查询进度。`]);

/** GET tokens/{token}: the service_request_id once the job made the application. */
export async function tokenAnswer(ctx: AppContext, token: string, jurisdictionId: string | undefined): Promise<Open311Value> {
  const { db } = ctx.database;
  await checkJurisdiction(ctx, await countyOrg(db), jurisdictionId);
  const wanted = token.trim().toLowerCase();
  const row = TOKEN_PATTERN.test(wanted) ? await repo.findByToken(db, wanted) : undefined;
  if (!row) throw unknownToken(token);
  const application = row.application_id ? await findApplication(db, row.application_id) : undefined;
  return tokenAnswerOf({ token: row.token, status: row.status as TokenStatus, applicationNo: application?.application_no ?? null, error: row.error });
}
