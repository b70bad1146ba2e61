/**
 * The case number as people type it back. Notices print 410899101-20260302-0001 (center code, date, the day's
 * sequence); a villager copying it on a phone types it without hyphens, with a full-width hyphen or a dash from a
 * Chinese input method (－ — – ‐ ‑ ―), with spaces, or — for a number with letters — in lower case. All of these
 * are the same number. Pure, shared by the server's lookup and the progress page.
 */

/** Every hyphen and dash a keyboard or input method produces, and the minus signs that look like them. */
const DASHES = /[-‐‑‒–—―⁃−﹘﹣－]/g;
/** Spaces of every width, and the invisible characters a copy from a chat app drags along. */
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]/g;
/** Digits, capital letters and "-" only: NFKC, the spaces, the dashes and upper-casing leave such a number as it is. */
const PLAIN = /^[0-9A-Z-]*$/;

/**
 * The canonical form: half-width, upper case, no spaces, parts joined by "-". Typed without any hyphen, a
 * number ending in an 8-digit date and a 4-digit sequence gets its hyphens back.
 */
export function normalizeCaseNo(typed: string): string {
  // Most numbers arrive already half-width and upper case (the QR code, a link): skip the Unicode work for them
  // (NFKC was a sixth of the progress lookup's own CPU, issue 8). The rest below is the same either way.
  const plain = PLAIN.test(typed) ? typed : typed.normalize('NFKC').replace(SPACES, '').replace(DASHES, '-').toUpperCase();
  const parts = plain.split('-').filter((p) => p !== '');
  // hyphens where the notice has them: kept as typed (a busy center's sequence may pass 9999)
  if (parts.length === 3 && /^\d{8}$/.test(parts[1]!) && /^\d{4,}$/.test(parts[2]!)) return parts.join('-');
  // none, or some in the wrong places: the last 12 digits are the date and the sequence
  const m = /^([0-9A-Z]+?)(\d{8})(\d{4})$/.exec(parts.join(''));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : parts.join('-');
}
