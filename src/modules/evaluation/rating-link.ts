/**
 * Signed rating links (the QR code on the 办结通知书, the SMS invitation): `/rate?t=<token>` at the deployment's
 * public address. The token names the case and the channel it was handed out by and carries an HMAC-SHA256 of both
 * under the server's own key (evaluation_secrets), so nobody can make a link for a case they were not given; it holds
 * no personal data. Short enough for a QR code a phone reads from paper.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../server/context.js';
import { linkSecret } from './repo.js';

export type LinkChannel = 'qr' | 'sms';
const PREFIX: Record<LinkChannel, string> = { qr: 'q', sms: 's' };

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (secret: Buffer, channel: LinkChannel, caseId: string) =>
  createHmac('sha256', secret).update(`rating:${channel}:${caseId}`).digest().subarray(0, 16);

export async function ratingToken(db: Db, caseId: string, channel: LinkChannel, at: Date): Promise<string> {
  const secret = await linkSecret(db, at.toISOString());
  return `${PREFIX[channel]}${uuidBytes(caseId).toString('base64url')}.${mac(secret, channel, caseId).toString('base64url')}`;
}

/** The case and channel of a valid token, or null (a changed letter, another deployment's link, rubbish). */
export async function readRatingToken(db: Db, token: string, at: Date): Promise<{ caseId: string; channel: LinkChannel } | null> {
  const m = /^([qs])([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!m) return null;
  const channel: LinkChannel = m[1] === 'q' ? 'qr' : 'sms';
  const bytes = Buffer.from(m[2]!, 'base64url');
  if (bytes.length !== 16) return null;
  const caseId = uuidOf(bytes);
  const secret = await linkSecret(db, at.toISOString());
  const given = Buffer.from(m[3]!, 'base64url');
  const expected = mac(secret, channel, caseId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { caseId, channel };
}

export const ratingUrlAt = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/rate?t=${encodeURIComponent(token)}`;
