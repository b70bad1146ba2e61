/**
 * The 居民身份证 number (GB 11643-1999) and the masking of personal numbers (ARCHITECTURE.md: ID numbers and
 * phones are masked wherever the viewer has no need for them). Pure: "today" is an argument.
 *
 * Layout of the 18 characters: 6 region code (GB/T 2260) · 8 birth date YYYYMMDD · 3 sequence (the last of
 * them odd for men, even for women) · 1 check character (ISO 7064 MOD 11-2, 0–9 or X).
 * Only the province part of the region code is checked: the county list changes every year and a number
 * stays valid after its county is renamed or merged, so a full table would reject real people.
 */
import { isIsoDate, type IsoDate } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';

/** A check that either gives the value or a Chinese sentence telling the clerk what to correct. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export interface IdNumber {
  /** 18 characters, a final x upper-cased */
  number: string;
  regionCode: string;
  birthDate: IsoDate;
  sex: 'male' | 'female';
}

/**
 * Province-level codes (the first two digits). 81/82/83 begin the numbers of the residence permits of Hong Kong,
 * Macao and Taiwan residents (港澳台居民居住证), which have the same 18-character format and are accepted as IDs.
 * Only the codes are checked, so only the codes ship (the agent's phone pays for every byte); the names are here
 * for the reader.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  // 北京 天津 河北 山西 内蒙古
  '11', '12', '13', '14', '15',
  // 辽宁 吉林 黑龙江
  '21', '22', '23',
  // 上海 江苏 浙江 安徽 福建 江西 山东
  '31', '32', '33', '34', '35', '36', '37',
  // 河南 湖北 湖南 广东 广西 海南
  '41', '42', '43', '44', '45', '46',
  // 重庆 四川 贵州 云南 西藏
  '50', '51', '52', '53', '54',
  // 陕西 甘肃 青海 宁夏 新疆
  '61', '62', '63', '64', '65',
  // 台湾省；香港、澳门、台湾居民居住证
  '71', '81', '82', '83',
]);

/** GB 11643 weights 2^(17−i) mod 11 and the check character for each remainder of the weighted sum. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character (0–9 or X) for the first 17 digits of a number. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new DomainError('INVALID_ID_NUMBER', '计算身份证校验位需要号码的前 17 位数字。', { first17 });
  }
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11]!;
}

/** What people type: spaces anywhere, full-width digits and letters from a Chinese input method. */
const normalise = (text: string): string =>
  text
    .replace(/\s+/g, '')
    .replace(/[０-９Ｘｘ＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Checks a 居民身份证 number as a window clerk types it; `today` is the center's local date. */
export function parseIdNumber(text: string, today: IsoDate): Checked<IdNumber> {
  if (!isIsoDate(today)) throw new DomainError('INVALID_DATE', `当天日期“${today}”不正确。`, { today });
  const n = normalise(text);
  const chars = Array.from(n); // code points, so a stray emoji counts as one character in the message
  if (chars.length === 0) return fail('请填写身份证号码。');
  if (/^\d{15}$/.test(n)) return fail('这是 15 位的第一代身份证号码，已停止使用，请填写第二代居民身份证上的 18 位号码。');
  if (chars.length !== 18) return fail(`身份证号码应为 18 位，现在是 ${chars.length} 位，请核对是否多输或漏输。`);
  const bad = chars.findIndex((c, i) => !/\d/.test(c) && !(i === 17 && c === 'X'));
  if (bad === 17) return fail('身份证号码最后一位只能是数字或 X，请核对。');
  if (bad >= 0) return fail(`身份证号码第 ${bad + 1} 位“${chars[bad]}”不是数字，请核对（只有最后一位可以是 X）。`);

  const province = n.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return fail(`身份证号码前两位“${province}”不是有效的省份代码，请核对号码开头几位。`);

  const [y, m, d] = [n.slice(6, 10), n.slice(10, 12), n.slice(12, 14)];
  const birthDate = `${y}-${m}-${d}`;
  // The year first: isIsoDate cannot represent years before 100, and "too early" is the more useful message.
  if (Number(y) < 1900) return fail(`身份证号码中的出生年份 ${y} 早于 1900 年，请核对第 7–10 位。`);
  if (!isIsoDate(birthDate)) return fail(`身份证号码第 7–14 位是出生日期，“${y}${m}${d}”不是真实存在的日期，请核对。`);
  if (birthDate > today) return fail(`身份证号码中的出生日期 ${y}年${m}月${d}日 晚于今天，请核对第 7–14 位。`);

  // Never say which character would be right: that would turn this form into a generator of valid numbers.
  if (checkDigit(n.slice(0, 17)) !== n[17]) return fail('身份证号码校验位不对，号码中有输错的地方，请对照证件逐位核对后重新输入。');

  return {
    ok: true,
    value: { number: n, regionCode: n.slice(0, 6), birthDate, sex: Number(n[16]) % 2 === 1 ? 'male' : 'female' },
  };
}

/** '410881199001011234' → '4108**********1234'. Anything too short to be an ID number is masked entirely. */
export function maskIdNumber(number: string): string {
  const chars = Array.from(normalise(number));
  if (chars.length < 15) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Phones

/** Spaces and hyphens dropped, full-width digits made plain, a +86 / 0086 country prefix removed. */
const phoneText = (text: string): string => normalise(text).replace(/-/g, '').replace(/^(?:\+|00)86/, '');

/** A mainland mobile number: 11 digits, 1 then 3–9. Gives the plain digits. */
export function parseMobile(text: string): Checked<string> {
  const p = phoneText(text);
  if (p === '') return fail('请填写手机号码。');
  if (/\D/.test(p)) return fail('手机号码只能填写数字，请核对后重新输入。');
  if (p.length !== 11) return fail(`手机号码应为 11 位，现在是 ${p.length} 位，请核对是否多输或漏输。`);
  if (!/^1[3-9]/.test(p)) return fail('手机号码应以 13 至 19 开头，请核对前两位；如是固定电话，请带区号填写在固定电话一栏。');
  return { ok: true, value: p };
}

export const isValidMobile = (phone: string): boolean => parseMobile(phone).ok;

/** The Chinese sentence to show under a phone field, or null when the number is a valid mobile. */
export function mobileError(phone: string): string | null {
  const r = parseMobile(phone);
  return r.ok ? null : r.error;
}

/** Mobile '13812345678' → '138****5678'; a landline keeps only its last 4 digits: '0371-65432100' → '********2100'. */
export function maskPhone(phone: string): string {
  const mobile = parseMobile(phone);
  if (mobile.ok) return `${mobile.value.slice(0, 3)}****${mobile.value.slice(7)}`;
  const digits = normalise(phone).replace(/\D/g, '');
  // Seven digits is the shortest local number; below that the last four would be most of it.
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
