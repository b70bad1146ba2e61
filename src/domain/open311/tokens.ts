/**
 * GeoReport v2 batch services (http://wiki.open311.org/GeoReport_v2 "POST Service Request": "token … use this to call
 * GET service_request_id from a token"): a POST to a batch service is checked at once and queued; a background job
 * downloads its materials and files the online application; `GET tokens/{token}` answers the service_request_id once
 * it exists. This file decides, without I/O, what the queue does after an attempt and what a token answers.
 *
 * A queued request is `queued` → (`working` while one job holds it) → `done` (the application exists) or `failed`
 * (it never will: the client must fix and post again). A failure that may pass by itself (the third party's server
 * timed out, was unreachable or answered 5xx/429) is tried again after a backoff, at most MAX_ATTEMPTS times in all;
 * anything else (not a PDF/JPG/PNG, over 10 MB, a private address, the applicant refused) fails at once.
 *
 * Pure: the instants are arguments.
 */
import type { Open311Value } from './document.js';

export const TOKEN_STATUSES = ['queued', 'working', 'done', 'failed'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Attempts in all before a request that keeps failing for a passing reason is given up. */
export const MAX_ATTEMPTS = 3;
/** The wait before the 2nd and the 3rd attempt. */
export const RETRY_AFTER_MS: readonly number[] = [2 * 60_000, 10 * 60_000];
/** A job that took a request and vanished (the process died) leaves it to the next run after this long. */
export const LEASE_MS = 10 * 60_000;

/** A token as issued: 24 lower-case hex digits (the caller brings the random bytes). */
export const TOKEN_PATTERN = /^[0-9a-f]{24}$/;

/** Whether a failed attempt may succeed later without the client doing anything. */
export type FailureKind = 'passing' | 'final';

export type AttemptOutcome = { ok: true } | { ok: false; kind: FailureKind; reasons: readonly string[] };

export type NextState =
  | { status: 'done' }
  | { status: 'queued'; nextAttemptAt: Date; error: string }
  | { status: 'failed'; error: string };

/**
 * Where a request goes after its `attempts`-th attempt (1-based): done, queued again after the backoff (a passing
 * failure with attempts left), or failed.
 */
export function afterAttempt(attempts: number, outcome: AttemptOutcome, now: Date): NextState {
  if (outcome.ok) return { status: 'done' };
  const error = outcome.reasons.join('') || '未能建立网上申请。';
  if (outcome.kind === 'passing' && attempts < MAX_ATTEMPTS) {
    const wait = RETRY_AFTER_MS[Math.min(attempts - 1, RETRY_AFTER_MS.length - 1)]!;
    return { status: 'queued', nextAttemptAt: new Date(now.getTime() + wait), error };
  }
  return { status: 'failed', error };
}

/** A download failure's reason (fetch-material.ts) and the HTTP status it got, as passing or final. */
export function fetchFailureKind(reason: string, detail: string): FailureKind {
  if (reason === 'timeout' || reason === 'network') return 'passing';
  if (reason === 'status') {
    const code = Number(detail);
    return code >= 500 || code === 429 || code === 408 ? 'passing' : 'final';
  }
  return 'final';
}

/** Several materials' outcomes: passing only when every failure is (a final one makes retrying pointless). */
export const combinedKind = (kinds: readonly FailureKind[]): FailureKind => (kinds.every((k) => k === 'passing') ? 'passing' : 'final');

export interface TokenFacts {
  token: string;
  status: TokenStatus;
  /** the online application's number once made */
  applicationNo: string | null;
  /** why it failed (status failed) */
  error: string | null;
}

/**
 * `GET tokens/{token}`: the specification's two fields, service_request_id empty until the application exists. A
 * failed request adds `service_notice` with the reason (the specification has no field for it; a client that does
 * not know the element ignores it and simply never sees an id).
 */
export function tokenAnswerOf(f: TokenFacts): Open311Value {
  const answer: Record<string, Open311Value> = { service_request_id: f.status === 'done' ? f.applicationNo : null, token: f.token };
  if (f.status === 'failed') answer.service_notice = `未能建立网上申请：${f.error ?? '原因未记录'}请修正后重新提交（POST requests），将得到新的 token。`;
  return [answer];
}
