/**
 * A fresh random key for one submission (RFC 4122 version 4), sent as Idempotency-Key so a double submit never
 * makes two records. Web Crypto's own UUID maker exists only in a secure context (HTTPS or localhost); centers and
 * village offices reach the server over plain HTTP on their own network; getRandomValues works on both.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
