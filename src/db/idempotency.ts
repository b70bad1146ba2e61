/**
 * What makes a repeated request "the same request" under an Idempotency-Key. A key alone is not enough: a form
 * reused for the next applicant, a key copied by mistake or sent again with other content must not be answered with
 * the first request's record while the second one is silently dropped. So each idempotent create stores, beside the
 * key, a fingerprint of what was asked (the route and the validated body), and a later request with the key is a
 * replay only when its fingerprint is the same; otherwise it is refused and nothing is written.
 *
 * Pure (a hash of a canonical text: no clock, no database), but here rather than in src/domain because it hashes with
 * node:crypto, which the domain (shared with the browser) may not import.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * A JSON text of `value` that does not depend on the order its object keys were written in: keys sorted, a key whose
 * value is undefined left out (as JSON.stringify does: an optional field not sent), bytes (an upload) stood in for
 * by their SHA-256, a date by its ISO instant. Two values give the same text exactly when they carry the same content.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  // a bigint is written as a string with a marker, so 1n and "1" stay apart
  if (typeof value === 'bigint') return JSON.stringify({ bigint: value.toString() });
  if (value instanceof Uint8Array) return canonicalJson({ sha256: sha256(value) });
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The fingerprint stored with an Idempotency-Key: SHA-256 (hex) of the canonical JSON of the route and the validated
 * body. The route keeps the same key on two different endpoints (or on two cases) apart even when the bodies agree.
 */
export function requestFingerprint(route: string, body: unknown): string {
  return sha256(canonicalJson({ route, body }));
}

/**
 * Is a stored request the same as this one? A record stored before fingerprints were kept has none: it is taken as
 * the same (answered as a replay, as it was before), since what it was asked with can no longer be known.
 */
export const sameRequest = (stored: string | null | undefined, fingerprint: string): boolean => stored == null || stored === fingerprint;

/** The refusal for a key already used with other content: nothing was written, the person submits again afresh. */
export const idempotencyKeyReused = (again = '重新提交') =>
  new DomainError('IDEMPOTENCY_KEY_REUSED', `这个 Idempotency-Key 已用于内容不同的另一次提交，请刷新页面后${again}。`, undefined, 422);

/** Throws IDEMPOTENCY_KEY_REUSED (422) unless the stored request is the same as this one (see sameRequest). */
export function assertSameRequest(stored: string | null | undefined, fingerprint: string, again?: string): void {
  if (!sameRequest(stored, fingerprint)) throw idempotencyKeyReused(again);
}
