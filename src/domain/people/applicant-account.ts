/**
 * Applicant accounts of the public hall (网上办事大厅, issue 11 §2): a villager or a company signs up with a mobile
 * phone, a code sent to it by SMS, a password, and is real-named by the number on their papers. Pure: "now" and
 * "today" are arguments.
 *
 * What "real-named" means here: the 居民身份证 number passes GB 11643 (province, a real birth date not after today,
 * the check character) and the 统一社会信用代码 passes GB 32100 (its check character). That proves the number is
 * well formed, not that it belongs to the person typing it: a check against the public-security or market
 * regulator's register needs their interface, which no county platform has by default. The record says how it
 * was checked (`method`), so a stronger check can be added later without pretending the old ones were one.
 */
import type { IsoDate } from '../calendar/calendar.js';
import { parseIdNumber, parseMobile, type Checked } from './id-number.js';
import { parseCreditCode } from './credit-code.js';

export const APPLICANT_KINDS = ['person', 'organization'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const CODE_PURPOSES = ['register', 'reset'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
export const CODE_PURPOSE_NAMES: Record<CodePurpose, string> = { register: '注册账号', reset: '找回密码' };

/** The rules of the SMS verification code. */
export const CODE_RULES = {
  /** digits of a code */
  length: 6,
  /** how long a code may be used */
  validMinutes: 10,
  /** wrong tries of one code before it is used up (10^6 codes: 5 tries are a 1-in-200,000 chance) */
  maxAttempts: 5,
  /** the shortest time between two codes to one phone */
  resendSeconds: 60,
  /** codes to one phone in one day (the center's local date) */
  perPhonePerDay: 10,
} as const;

/** How long an applicant stays signed in: a week at most, and two hours without doing anything. */
export const APPLICANT_SESSION = { absoluteHours: 7 * 24, idleMinutes: 120 } as const;

/** A real-name check as the account records it. */
export interface RealName {
  kind: ApplicantKind;
  name: string;
  /** the 18-character ID number or credit code, normalised */
  number: string;
  /** how the number was checked: the check characters of GB 11643 / GB 32100 */
  method: 'gb11643' | 'gb32100';
}

export type CheckedRealName = { ok: true; value: RealName } | { ok: false; path: 'idNumber' | 'creditCode'; error: string };

/** The real-name check at sign-up: a person's ID number (with birth date), or a company's credit code. */
export function checkRealName(input: { kind: ApplicantKind; name: string; idNumber?: string | undefined; creditCode?: string | undefined }, today: IsoDate): CheckedRealName {
  const name = input.name.trim();
  if (input.kind === 'person') {
    const parsed = parseIdNumber(input.idNumber ?? '', today);
    if (!parsed.ok) return { ok: false, path: 'idNumber', error: parsed.error };
    return { ok: true, value: { kind: 'person', name, number: parsed.value.number, method: 'gb11643' } };
  }
  const parsed = parseCreditCode(input.creditCode ?? '');
  if (!parsed.ok) return { ok: false, path: 'creditCode', error: parsed.error };
  return { ok: true, value: { kind: 'organization', name, number: parsed.value, method: 'gb32100' } };
}

/** The phone an account is known by: a mainland mobile number (codes come by SMS), as plain digits. */
export const accountPhone = (text: string): Checked<string> => parseMobile(text);

/** A code as people type it: spaces dropped, full-width digits made plain. */
export const plainDigits = (text: string): string => text.replace(/\s+/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export const isCodeShape = (text: string): boolean => new RegExp(`^\\d{${CODE_RULES.length}}$`).test(text);

/** A fresh code from a source of random integers (node:crypto randomInt on the server). */
export const newCode = (randomInt: (min: number, max: number) => number): string =>
  String(randomInt(0, 10 ** CODE_RULES.length)).padStart(CODE_RULES.length, '0');

/**
 * How many codes a phone may still get today and when the next one may be asked for. `sentToday` counts the
 * codes of the center's local date `today`; `lastSentAt` is the latest code's moment (any day).
 */
export function codeThrottle(state: { day: string | null; sentToday: number; lastSentAt: string | null }, now: Date, today: IsoDate): { ok: true } | { ok: false; reason: 'wait'; retryAfterSeconds: number } | { ok: false; reason: 'day' } {
  if (state.lastSentAt) {
    const wait = Math.ceil((Date.parse(state.lastSentAt) + CODE_RULES.resendSeconds * 1000 - now.getTime()) / 1000);
    if (wait > 0) return { ok: false, reason: 'wait', retryAfterSeconds: wait };
  }
  if (state.day === today && state.sentToday >= CODE_RULES.perPhonePerDay) return { ok: false, reason: 'day' };
  return { ok: true };
}

/**
 * A name as the 我的 page shows it to whoever holds the phone: a person's surname and a star per other character
 * (王大山 → 王**), an organisation's first two and last two characters (柳河镇农机合作社 → 柳河****作社).
 */
export function maskName(name: string, kind: ApplicantKind): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (kind === 'person') return chars.length === 1 ? chars[0]! : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  if (chars.length <= 4) return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}

/** An ID number or credit code on the 我的 page: the first and last four characters. */
export function maskNumber(number: string): string {
  const chars = Array.from(number);
  if (chars.length < 12) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}
