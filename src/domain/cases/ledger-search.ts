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
}

export function ledgerSearch(q: string): LedgerSearch {
  const text = q.trim();
  const phone = checkPhone(text);
  const id = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  // 18 characters: a 居民身份证 number or a credit code; nothing shorter is a whole one
  return { text, phone: phone.ok ? phone.value : null, idNumber: id.length === 18 ? id : null };
}
