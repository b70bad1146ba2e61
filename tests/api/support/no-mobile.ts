// Whether a response shows a mobile number. Record ids are UUIDs, whose hex may hold eleven digits in a row
// ("…c51381…"), so they are taken out before the search; a number glued to other digits or letters is no phone.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MOBILE = /(?<![\dA-Za-z])1[3-9]\d{9}(?!\d)/;

export function mobileNumberIn(text: string): string | null {
  return MOBILE.exec(text.replace(UUID, ''))?.[0] ?? null;
}
