/**
 * Open311 API keys: `bm311_` and 32 characters of Crockford-style base32 (160 random bits). A key is as strong as a
 * random password of 32 characters, so one SHA-256 (not a slow password hash) is enough to keep it out of the
 * database: only the hash is stored, and the key is shown once when issued.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const KEY_PREFIX = 'bm311_';

/** A new key (256 / 32: every byte gives one unbiased character). */
export const newApiKey = () => KEY_PREFIX + [...randomBytes(32)].map((b) => ALPHABET[b % 32]).join('');

export const apiKeyHash = (key: string) => createHash('sha256').update(key.trim(), 'utf8').digest('hex');
