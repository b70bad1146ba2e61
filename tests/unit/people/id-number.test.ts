import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../../../src/domain/calendar/calendar.js';
import { DomainError } from '../../../src/domain/errors.js';
import {
  checkDigit,
  isValidMobile,
  maskIdNumber,
  maskPhone,
  mobileError,
  parseIdNumber,
  parseMobile,
  PROVINCE_CODES,
} from '../../../src/domain/people/id-number.js';

const TODAY = '2026-05-20';
const parse = (text: string, today = TODAY) => parseIdNumber(text, today);
const errorOf = (text: string, today = TODAY) => {
  const r = parse(text, today);
  if (r.ok) throw new Error(`expected ${text} to be rejected`);
  return r.error;
};

/**
 * The check character straight from the ISO 7064 MOD 11-2 definition, deliberately not the weight table of the
 * code under test: with position i counted from the right (check = 1), weight 2^(i−1) mod 11, and the weighted
 * sum of all 18 (X = 10) must be ≡ 1 (mod 11).
 */
function oracleCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (((1 - sum) % 11) + 11) % 11;
  return c === 10 ? 'X' : String(c);
}

// The brief asks for the province codes as data: the exact list, independently typed.
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83].map(String);

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const birthDate = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay(TODAY) }).map(fromEpochDay);
/** A valid number built from its parts: random province, rest of the region code, birth date, sequence. */
const validNumber = fc
  .tuple(fc.constantFrom(...PROVINCES), digits(4), birthDate, digits(3))
  .map(([p, region, date, seq]) => {
    const first17 = `${p}${region}${date.replaceAll('-', '')}${seq}`;
    return first17 + oracleCheck(first17);
  });

describe('checkDigit (ISO 7064 MOD 11-2)', () => {
  it('gives the check characters of the standard examples', () => {
    expect(checkDigit('11010519491231002')).toBe('X'); // GB 11643-1999 example
    expect(checkDigit('44052418800101001')).toBe('4'); // GB 11643-1999 example 440524188001010014
  });

  it('agrees with the MOD 11-2 definition for any 17 digits', () => {
    fc.assert(fc.property(digits(17), (d) => checkDigit(d) === oracleCheck(d)), { numRuns: 1000 });
  });

  it('detects every single-digit substitution in the first 17 digits', () => {
    // Why it must: weights 2^k are invertible mod the prime 11 and a change of one digit is ±1…±9, never 0 mod 11.
    fc.assert(
      fc.property(digits(17), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (d, i, delta) => {
        const changed = d.slice(0, i) + String((Number(d[i]) + delta) % 10) + d.slice(i + 1);
        return checkDigit(changed) !== checkDigit(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every transposition of two different adjacent digits', () => {
    fc.assert(
      fc.property(digits(17), fc.integer({ min: 0, max: 15 }), (d, i) => {
        fc.pre(d[i] !== d[i + 1]);
        const swapped = d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
        return checkDigit(swapped) !== checkDigit(d);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses anything but 17 digits', () => {
    for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100X']) {
      expect(() => checkDigit(bad)).toThrow(DomainError);
    }
  });
});

describe('parseIdNumber', () => {
  it('accepts the standard example and reads region, birth date and sex', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      value: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('reads the sex from the 17th digit: odd is male, even is female', () => {
    const male = '11010519491231001' + checkDigit('11010519491231001');
    expect(parse(male)).toMatchObject({ ok: true, value: { sex: 'male' } });
  });

  it('normalises what people type: lower-case x, spaces, full-width digits and letters', () => {
    for (const text of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ', '110105\u300019491231002ｘ']) {
      expect(parse(text)).toMatchObject({ ok: true, value: { number: '11010519491231002X' } });
    }
  });

  it('accepts a birth date of today and of 1900-01-01', () => {
    const born = (date: string) => {
      const first17 = `330106${date.replaceAll('-', '')}123`;
      return first17 + checkDigit(first17);
    };
    expect(parse(born(TODAY)).ok).toBe(true);
    expect(parse(born('1900-01-01')).ok).toBe(true);
  });

  const rejected: [string, string, string][] = [
    ['empty', '  ', '请填写身份证号码。'],
    ['15-digit first generation', '110105491231002', '这是 15 位的第一代身份证号码，已停止使用，请填写第二代居民身份证上的 18 位号码。'],
    ['too short', '1101051949123100', '身份证号码应为 18 位，现在是 16 位，请核对是否多输或漏输。'],
    ['too long', '11010519491231002X1', '身份证号码应为 18 位，现在是 19 位，请核对是否多输或漏输。'],
    ['a letter inside', '1101O519491231002X', '身份证号码第 5 位“O”不是数字，请核对（只有最后一位可以是 X）。'],
    ['X not at the end', '1101051949123100X2', '身份证号码第 17 位“X”不是数字，请核对（只有最后一位可以是 X）。'],
    ['bad last character', '11010519491231002Y', '身份证号码最后一位只能是数字或 X，请核对。'],
    ['unknown province', '99010519491231002X', '身份证号码前两位“99”不是有效的省份代码，请核对号码开头几位。'],
    ['province 00', '00010519491231002X', '身份证号码前两位“00”不是有效的省份代码，请核对号码开头几位。'],
    ['month 13', '11010519491331002X', '身份证号码第 7–14 位是出生日期，“19491331”不是真实存在的日期，请核对。'],
    ['29 February of a common year', '11010520230229002X', '身份证号码第 7–14 位是出生日期，“20230229”不是真实存在的日期，请核对。'],
    ['day 00', '11010519491200002X', '身份证号码第 7–14 位是出生日期，“19491200”不是真实存在的日期，请核对。'],
    ['before 1900', '440524188001010014', '身份证号码中的出生年份 1880 早于 1900 年，请核对第 7–10 位。'],
    ['year 0050', '11010500500101002X', '身份证号码中的出生年份 0050 早于 1900 年，请核对第 7–10 位。'],
    ['born tomorrow', '11010520260521002X', '身份证号码中的出生日期 2026年05月21日 晚于今天，请核对第 7–14 位。'],
    ['wrong check digit', '110105194912310021', '身份证号码校验位不对，号码中有输错的地方，请对照证件逐位核对后重新输入。'],
  ];
  it.each(rejected)('rejects %s with a sentence the clerk can act on', (_, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('accepts 29 February of a leap year, and the future check is against the given today', () => {
    const first17 = '11010520240229002';
    expect(parse(first17 + checkDigit(first17)).ok).toBe(true);
    expect(parse('11010520260521002' + checkDigit('11010520260521002'), '2026-05-21').ok).toBe(true);
  });

  it('never reveals the correct check character: the message is one fixed sentence for every wrong one', () => {
    const sentence = '身份证号码校验位不对，号码中有输错的地方，请对照证件逐位核对后重新输入。';
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...'0123456789X'), (n, c) => {
        fc.pre(c !== n[17]);
        return errorOf(n.slice(0, 17) + c) === sentence;
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an invalid today as a programming error', () => {
    expect(() => parseIdNumber('11010519491231002X', '2026-02-30')).toThrow(DomainError);
  });

  it('lists exactly the province codes of GB/T 2260 and the residence permits', () => {
    expect([...PROVINCE_CODES.keys()].sort()).toEqual([...PROVINCES].sort());
  });

  describe('properties', () => {
    it('every generated valid number parses and round-trips its parts', () => {
      fc.assert(
        fc.property(validNumber, (n) => {
          const r = parse(n);
          expect(r).toEqual({
            ok: true,
            value: {
              number: n,
              regionCode: n.slice(0, 6),
              birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
              sex: Number(n[16]) % 2 === 1 ? 'male' : 'female',
            },
          });
          // Lower case and spaces every four characters parse to the same number.
          expect(parse(n.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(r);
        }),
        { numRuns: 1000 },
      );
    });

    it('changing any single character of a valid number makes it invalid', () => {
      fc.assert(
        fc.property(validNumber, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (n, i, delta) => {
          const alphabet = i === 17 ? '0123456789X' : '0123456789';
          const at = alphabet.indexOf(n[i]!);
          const replacement = alphabet[(at + delta) % alphabet.length]!;
          fc.pre(replacement !== n[i]); // delta 10 on a digit position wraps back to the same digit
          return !parse(n.slice(0, i) + replacement + n.slice(i + 1)).ok;
        }),
        { numRuns: 2000 },
      );
    });

    it('exhaustively: every single-character change of the standard example is rejected', () => {
      const n = '11010519491231002X';
      for (let i = 0; i < 18; i++) {
        for (const c of i === 17 ? '0123456789X' : '0123456789') {
          if (c === n[i]) continue;
          expect(parse(n.slice(0, i) + c + n.slice(i + 1)).ok, `position ${i + 1} → ${c}`).toBe(false);
        }
      }
    });
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskIdNumber('410881199001011234')).toBe('4108**********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
    expect(maskIdNumber(' 1101 0519 4912 3100 2X')).toBe('1101**********002X');
  });

  it('masks anything too short to be an ID number entirely', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('张三')).toBe('**');
  });

  it('never reveals more than 8 characters of any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 }), validNumber), (text) => {
        const revealed = Array.from(maskIdNumber(text)).filter((c) => c !== '*');
        return revealed.length <= 8;
      }),
      { numRuns: 1000 },
    );
  });

  it('shows exactly the first and last four of every valid number', () => {
    fc.assert(fc.property(validNumber, (n) => maskIdNumber(n) === `${n.slice(0, 4)}${'*'.repeat(10)}${n.slice(14)}`));
  });
});

describe('mobile phones', () => {
  it('accepts 11-digit numbers 13x–19x, as people write them', () => {
    for (const p of ['13812345678', '19912345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '008613812345678', '１３８１２３４５６７８']) {
      expect(parseMobile(p), p).toEqual({ ok: true, value: p.includes('99') ? '19912345678' : '13812345678' });
      expect(isValidMobile(p)).toBe(true);
      expect(mobileError(p)).toBeNull();
    }
  });

  const rejected: [string, string, string][] = [
    ['empty', '', '请填写手机号码。'],
    ['letters', '138abcd5678', '手机号码只能填写数字，请核对后重新输入。'],
    ['10 digits', '1381234567', '手机号码应为 11 位，现在是 10 位，请核对是否多输或漏输。'],
    ['12 digits', '138123456789', '手机号码应为 11 位，现在是 12 位，请核对是否多输或漏输。'],
    ['starts 12', '12812345678', '手机号码应以 13 至 19 开头，请核对前两位；如是固定电话，请带区号填写在固定电话一栏。'],
    ['landline', '03716543210', '手机号码应以 13 至 19 开头，请核对前两位；如是固定电话，请带区号填写在固定电话一栏。'],
  ];
  it.each(rejected)('rejects %s', (_, phone, message) => {
    expect(isValidMobile(phone)).toBe(false);
    expect(mobileError(phone)).toBe(message);
  });

  it('isValidMobile agrees with /^1[3-9]\\d{9}$/ on plain digit strings', () => {
    const oneThen = (n: number) => digits(n).map((d) => `1${d}`); // so that valid numbers come up often
    fc.assert(
      fc.property(fc.oneof(digits(11), oneThen(10), oneThen(9), oneThen(11)), (p) => isValidMobile(p) === /^1[3-9]\d{9}$/.test(p)),
      { numRuns: 500 },
    );
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps only the last 4 digits of a landline, and nothing of a short number', () => {
    expect(maskPhone('0371-65432100')).toBe('********2100');
    expect(maskPhone('(010) 6543 2100')).toBe('*******2100');
    expect(maskPhone('6543210')).toBe('***3210');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('never reveals more than 7 digits, nor any non-digit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), digits(11).map((d) => `1${d.slice(1)}`)), (text) => {
        const revealed = Array.from(maskPhone(text)).filter((c) => c !== '*');
        return revealed.length <= 7 && revealed.every((c) => /\d/.test(c));
      }),
      { numRuns: 1000 },
    );
  });
});
