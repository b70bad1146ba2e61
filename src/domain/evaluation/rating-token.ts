/**
 * The text of a signed rating link's token (`/rate?t=<token>`): a channel letter (q: the QR code on the 办结通知书,
 * s: the SMS invitation), the case's 16-byte id and a 16-byte MAC, each as 22 base64url characters:
 * `q<case>.<mac>`. The MAC itself is worked out by the evaluation module under the server's key; this file only says
 * which texts are tokens at all.
 *
 * 改动一个字符即无效: 22 base64url characters carry 132 bits for 128, so the last character of each part has 4 bits that
 * a lenient decoder ignores ("…A" and "…B" decode to the same bytes). A token is therefore read strictly: a part counts
 * only if its bytes encode back to exactly the same text, so every token has one spelling and any other is refused.
 * Written without Buffer so the rule stays pure and runs anywhere.
 */
import type { RatingChannel } from './channels.js';

export type LinkChannel = Extract<RatingChannel, 'qr' | 'sms'>;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
const PREFIX: Record<LinkChannel, string> = { qr: 'q', sms: 's' };

/** base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of a base64url text (no padding), or null when the text is not the one canonical spelling of any bytes. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of text) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
      acc &= (1 << bits) - 1;
    }
  }
  const decoded = Uint8Array.from(bytes);
  // decode → encode → compare: leftover bits that are not zero would give a second spelling of the same bytes
  return encodeBase64Url(decoded) === text ? decoded : null;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const uuidOf = (bytes: Uint8Array) => {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const uuidBytes = (id: string) => Uint8Array.from(id.replace(/-/g, '').match(/../g) ?? [], (h) => parseInt(h, 16));

export function formatRatingToken(channel: LinkChannel, caseId: string, mac: Uint8Array): string {
  return `${PREFIX[channel]}${encodeBase64Url(uuidBytes(caseId))}.${encodeBase64Url(mac)}`;
}

/** The parts of a token as written, or null when the text is not exactly one (the MAC is checked by the caller). */
export function parseRatingToken(token: string): { channel: LinkChannel; caseId: string; mac: Uint8Array } | null {
  const m = /^([qs])([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!m) return null;
  const id = decodeBase64Url(m[2]!);
  const mac = decodeBase64Url(m[3]!);
  if (!id || id.length !== 16 || !mac || mac.length !== 16) return null;
  return { channel: m[1] === 'q' ? 'qr' : 'sms', caseId: uuidOf(id), mac };
}
