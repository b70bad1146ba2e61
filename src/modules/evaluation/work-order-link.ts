/**
 * The signed link by which the rater rates the fix of a 差评 (sent in the outcome SMS): `/rate-fix?t=<id>.<mac>`,
 * the mac an HMAC-SHA256 of the work order's id under the module's key (evaluation_secrets, name 'work-order-link'),
 * 22 base64url characters. Nothing personal is in the link; it is good only for that work order's fix.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../server/context.js';
import { linkSecret } from './work-order-repo.js';

const KEY = 'work-order-link';

const macOf = (secret: string, id: string) => createHmac('sha256', secret).update(`rate-fix:${id}`).digest('base64url').slice(0, 22);

const secretOf = (db: Db, now: Date) => linkSecret(db, KEY, randomBytes(32).toString('base64url'), now.toISOString());

export async function fixToken(db: Db, workOrderId: string, now: Date): Promise<string> {
  return `${workOrderId}.${macOf(await secretOf(db, now), workOrderId)}`;
}

/** The work order a token names, or null when it is not one of ours. */
export async function workOrderOfToken(db: Db, token: string, now: Date): Promise<string | null> {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(macOf(await secretOf(db, now), id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The public page's address for a token, at the configured public address (never the address a clerk used). */
export const fixLink = (publicUrl: string | null, token: string): string | null => (publicUrl ? `${publicUrl.replace(/\/+$/, '')}/rate-fix?t=${encodeURIComponent(token)}` : null);
