/**
 * The applicant of a case as the law identifies them: a person by the 居民身份证 number (GB 11643), an
 * organisation by the 统一社会信用代码 (GB 32100: credit-code.ts, with checkApplicant for either kind), and a phone the
 * center can reach. Every problem is a Chinese sentence a clerk can act on.
 */
import type { IsoDate } from '../calendar/calendar.js';
import { parseIdNumber, parseMobile, type Checked } from './id-number.js';

export interface ApplicantInput {
  kind: 'person' | 'organization';
  name: string;
  idNumber: string;
  phone: string;
  address?: string | undefined;
}

export type CheckedApplicant = { ok: true; value: ApplicantInput } | { ok: false; code: string; error: string };

const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export type NumberCheck = (text: string) => { ok: true; value: string } | { ok: false; code: string; error: string };

export const personNumber =
  (today: IsoDate): NumberCheck =>
  (text) => {
    const parsed = parseIdNumber(text, today);
    return parsed.ok ? { ok: true, value: parsed.value.number } : { ok: false, code: 'ID_NUMBER_INVALID', error: parsed.error };
  };

export function checkWith(applicant: ApplicantInput, number: NumberCheck): CheckedApplicant {
  const idNumber = number(applicant.idNumber);
  if (!idNumber.ok) return idNumber;
  const phone = checkPhone(applicant.phone);
  if (!phone.ok) return { ok: false, code: 'PHONE_INVALID', error: phone.error };
  return { ok: true, value: { ...applicant, name: applicant.name.trim(), idNumber: idNumber.value, phone: phone.value } };
}

/**
 * A person applicant (the village agent's form, which registers villagers only): the same checks, without the
 * credit-code rules in the phone's script (the agent app's size budget).
 */
export const checkPersonApplicant = (applicant: Omit<ApplicantInput, 'kind'>, today: IsoDate): CheckedApplicant =>
  checkWith({ ...applicant, kind: 'person' }, personNumber(today));

/** A phone the center can reach: a mobile (digits only), or a landline with its area code. */
export function checkPhone(text: string): Checked<string> {
  const mobile = parseMobile(text);
  if (mobile.ok) return mobile;
  const landline = text.replace(/\s+/g, '');
  return LANDLINE.test(landline)
    ? { ok: true, value: landline }
    : { ok: false, error: '联系电话应为 11 位手机号码或带区号的固定电话（如 0371-66881234），请核对。' };
}
