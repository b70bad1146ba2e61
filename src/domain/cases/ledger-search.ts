/**
 * What a ledger search (q) may match. The ledger shows ID numbers and phones masked (4108**********1234,
 * 138****5678); if a search matched them piece by piece, anyone could rebuild a masked phone one digit at a time
 * (issue 7: 30 searches). So a masked field matches only its full value, typed however a clerk types it; case
 * numbers and names, shown in full, match any part. Pure.
 */
import { checkPhone } from '../people/applicant.js';

export interface LedgerSearch {
  /** matched anywhere in the case number and the applicant's name */
  text: string;
  /** the whole phone, as stored (mobile digits only, a landline as typed without spaces), or null */
  phone: string | null;
  /** the whole ID number or 统一社会信用代码, as stored (upper case, half-width), or null */
  idNumber: string | null;
  /** the text as matched against part of an ID number (stored in upper case) */
  idText: string;
  /**
   * Whether trigram indexes can find the cases whose fields contain the text: only from 3 characters on (one
   * trigram). Shorter texts (王, 王芳: common for Chinese names) are matched by reading the ledger newest first.
   */
  byTrigrams: boolean;
}

/** The fewest characters (Unicode code points, not UTF-16 units) a trigram index can look up. */
export const TRIGRAM_MIN_LENGTH = 3;

export function ledgerSearch(q: string): LedgerSearch {
  const text = q.trim();
  const phone = checkPhone(text);
  const id = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  // 18 characters: a 居民身份证 number or a credit code; nothing shorter is a whole one
  const idText = text.toUpperCase();
  const byTrigrams = [...text].length >= TRIGRAM_MIN_LENGTH && [...idText].length >= TRIGRAM_MIN_LENGTH;
  return { text, phone: phone.ok ? phone.value : null, idNumber: id.length === 18 ? id : null, idText, byTrigrams };
}
