/**
 * The 统一社会信用代码 of an organisation (GB 32100-2015) as it is typed from a business licence, and the check of an
 * applicant of either kind. Apart from applicant.ts so that the village agent's phone, which registers persons only,
 * does not carry these rules (its script budget). Pure.
 */
import type { IsoDate } from '../calendar/calendar.js';
import { checkWith, personNumber, type ApplicantInput, type CheckedApplicant, type NumberCheck } from './applicant.js';
import type { Checked } from './id-number.js';

/** 18 characters: registration authority, type, 6-digit region, 9-character organisation code, check character. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * GB 32100-2015 统一社会信用代码: the 31 characters it is written in (the digits and the capitals without I, O, Z, S
 * and V), each worth its position (0–30), and the weights 3^i mod 31 of the first 17 positions. The check
 * character is the one worth (31 − Σ value × weight mod 31) mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a credit code (all of the code's alphabet: parseCreditCode checks). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Full-width letters and digits from a Chinese input method made plain, spaces dropped, letters upper-cased. */
const plainCode = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();

/**
 * Checks a 统一社会信用代码 as it is typed from a business licence: 18 characters of the code's alphabet, and the
 * check character. Like the ID number, a wrong code never learns which character would be right.
 */
export function parseCreditCode(text: string): Checked<string> {
  const code = plainCode(text);
  if (code === '') return { ok: false, error: '请填写统一社会信用代码。' };
  if (code.length !== 18) return { ok: false, error: `统一社会信用代码应为 18 位，现在是 ${Array.from(code).length} 位，请对照营业执照核对是否多输或漏输。` };
  const bad = Array.from(code).findIndex((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad >= 0) {
    const c = Array.from(code)[bad]!;
    const hint = 'IOZSV'.includes(c) ? '（代码中不使用字母 I、O、Z、S、V，可能是数字 1、0、2、5 或字母 U）' : '';
    return { ok: false, error: `统一社会信用代码第 ${bad + 1} 位“${c}”不是代码使用的字符${hint}，请对照营业执照核对。` };
  }
  if (!CREDIT_CODE.test(code)) return { ok: false, error: '统一社会信用代码第 3–8 位是登记管理机关的行政区划代码，应为数字，请对照营业执照核对。' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, error: '统一社会信用代码校验位不对，代码中有输错的地方，请对照营业执照逐位核对后重新输入。' };
  }
  return { ok: true, value: code };
}

const organizationNumber: NumberCheck = (text) => {
  const parsed = parseCreditCode(text);
  return parsed.ok ? parsed : { ok: false, code: 'CREDIT_CODE_INVALID', error: parsed.error };
};

/** The applicant, their number checked by the rule of their kind: a person's by GB 11643, an organisation's by GB 32100. */
export const checkApplicant = (applicant: ApplicantInput, today: IsoDate): CheckedApplicant =>
  checkWith(applicant, applicant.kind === 'person' ? personNumber(today) : organizationNumber);

