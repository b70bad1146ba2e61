/**
 * The applicant of a case as the law identifies them: a person by the 居民身份证 number (GB 11643), an
 * organisation by the 统一社会信用代码 (GB 32100), and a phone the center can reach. Every problem is a Chinese
 * sentence a clerk can act on.
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
/** 18 characters: registration authority, type, 6-digit region, 9-character organisation code, check character. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function checkApplicant(applicant: ApplicantInput, today: IsoDate): CheckedApplicant {
  let idNumber = applicant.idNumber.trim().toUpperCase();
  if (applicant.kind === 'person') {
    const parsed = parseIdNumber(applicant.idNumber, today);
    if (!parsed.ok) return { ok: false, code: 'ID_NUMBER_INVALID', error: parsed.error };
    idNumber = parsed.value.number;
  } else if (!CREDIT_CODE.test(idNumber)) {
    return { ok: false, code: 'CREDIT_CODE_INVALID', error: '统一社会信用代码应为 18 位数字或大写字母，请对照营业执照核对。' };
  }
  const phone = checkPhone(applicant.phone);
  if (!phone.ok) return { ok: false, code: 'PHONE_INVALID', error: phone.error };
  return { ok: true, value: { ...applicant, name: applicant.name.trim(), idNumber, phone: phone.value } };
}

/** A phone the center can reach: a mobile (digits only), or a landline with its area code. */
export function checkPhone(text: string): Checked<string> {
  const mobile = parseMobile(text);
  if (mobile.ok) return mobile;
  const landline = text.replace(/\s+/g, '');
  return LANDLINE.test(landline)
    ? { ok: true, value: landline }
    : { ok: false, error: '联系电话应为 11 位手机号码或带区号的固定电话（如 0371-66881234），请核对。' };
}
