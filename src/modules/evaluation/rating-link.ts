/**
 * Signed rating links (the QR code on the 办结通知书, the SMS invitation): `/rate?t=<token>` at the deployment's
 * public address. The token names the case and the channel it was handed out by and carries an HMAC-SHA256 of both
 * under the server's own key (evaluation_secrets), so nobody can make a link for a case they were not given; it holds
 * no personal data. Short enough for a QR code a phone reads from paper.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatRatingToken, parseRatingToken, type LinkChannel } from '../../domain/evaluation/rating-token.js';
import type { Db } from '../../server/context.js';
import { linkSecret } from './repo.js';

export type { LinkChannel };

const mac = (secret: Buffer, channel: LinkChannel, caseId: string) =>
  createHmac('sha256', secret).update(`rating:${channel}:${caseId}`).digest().subarray(0, 16);

export async function ratingToken(db: Db, caseId: string, channel: LinkChannel, at: Date): Promise<string> {
  const secret = await linkSecret(db, at.toISOString());
  return formatRatingToken(channel, caseId, mac(secret, channel, caseId));
}

/**
 * The case and channel of a valid token, or null (a changed letter, another deployment's link, rubbish). The token is
 * read strictly (parseRatingToken): a changed last character that a lenient base64url decoder would ignore is refused.
 */
export async function readRatingToken(db: Db, token: string, at: Date): Promise<{ caseId: string; channel: LinkChannel } | null> {
  const parts = parseRatingToken(token);
  if (!parts) return null;
  const { channel, caseId } = parts;
  const secret = await linkSecret(db, at.toISOString());
  const given = Buffer.from(parts.mac);
  const expected = mac(secret, channel, caseId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { caseId, channel };
}

export const ratingUrlAt = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/rate?t=${encodeURIComponent(token)}`;
