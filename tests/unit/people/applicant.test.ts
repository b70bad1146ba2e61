import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../../src/domain/people/applicant.js';
import { checkApplicant, CREDIT_CODE_ALPHABET, creditCodeCheckChar, parseCreditCode } from '../../../src/domain/people/credit-code.js';
import { checkRealName, codeThrottle, isCodeShape, maskName, maskNumber, newCode, plainDigits } from '../../../src/domain/people/applicant-account.js';

const person = { kind: 'person' as const, name: ' 王大山 ', idNumber: '11010519491231002x', phone: '138 1234 5678' };

describe('the applicant of a case', () => {
  it('a person: ID number checked and normalised, mobile or landline', () => {
    expect(checkApplicant(person, '2026-03-02')).toEqual({ ok: true, value: { ...person, name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' } });
    expect(checkApplicant({ ...person, phone: '0371-66881234' }, '2026-03-02').ok).toBe(true);
    expect(checkApplicant({ ...person, idNumber: '110105194912310021' }, '2026-03-02')).toMatchObject({ ok: false, code: 'ID_NUMBER_INVALID' });
    expect(checkApplicant({ ...person, phone: '12345' }, '2026-03-02')).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
  });
  it('an organisation: the unified social credit code', () => {
    const org = { kind: 'organization' as const, name: '柳河镇农机合作社', idNumber: '93410899MA40ABCD1G', phone: '13812345678' };
    expect(checkApplicant(org, '2026-03-02').ok).toBe(true);
    expect(checkApplicant({ ...org, idNumber: '12345' }, '2026-03-02')).toMatchObject({ ok: false, code: 'CREDIT_CODE_INVALID' });
  });
});

describe('checkPhone', () => {
  it('takes a mobile as plain digits and a landline with its area code; anything else is explained', () => {
    expect(checkPhone('138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(checkPhone('0371-66881234')).toEqual({ ok: true, value: '0371-66881234' });
    const bad = checkPhone('6688123');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('固定电话');
  });
});

describe('统一社会信用代码 (GB 32100 check character)', () => {
  const ALPHABET = CREDIT_CODE_ALPHABET;
  const char = fc.constantFrom(...ALPHABET);
  const digit = fc.constantFrom(...'0123456789');
  /** the first 17 characters of a code: authority and type, a 6-digit region, a 9-character organisation code */
  const first17 = fc.tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 })).map(([a, b, c]) => [...a, ...b, ...c].join(''));
  const valid = first17.map((f) => f + creditCodeCheckChar(f));

  it('the standard’s own example and a real licence pass; the alphabet has 31 characters without I O Z S V', () => {
    expect(ALPHABET).toHaveLength(31);
    expect(ALPHABET).not.toMatch(/[IOZSV]/);
    expect(parseCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCreditCode('91110000802100433B').ok).toBe(true);
    // typed with spaces, in lower case, full width
    expect(parseCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('explains what is wrong without telling the right check character', () => {
    const wrong = parseCreditCode('91350100M000100Y44');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error).toContain('校验位');
      expect(wrong.error).not.toContain('3');
    }
    expect(parseCreditCode('')).toMatchObject({ ok: false, error: '请填写统一社会信用代码。' });
    const short = parseCreditCode('91350100M000100Y4');
    if (!short.ok) expect(short.error).toContain('现在是 17 位');
    const letterO = parseCreditCode('91350100MO00100Y43');
    expect(letterO.ok).toBe(false);
    if (!letterO.ok) expect(letterO.error).toContain('第 10 位“O”');
    const region = parseCreditCode('913501A0M000100Y43');
    if (!region.ok) expect(region.error).toContain('行政区划');
  });

  it('a generated valid code passes, as a code and as an applicant', () => {
    fc.assert(
      fc.property(valid, (code) => {
        expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
        expect(checkApplicant({ kind: 'organization', name: '某合作社', idNumber: code, phone: '13812345678' }, '2026-03-02').ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('any single-character change fails', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...ALPHABET, 'I', 'O', 'Z', 'S', 'V', '-'), (code, at, replacement) => {
        fc.pre(code[at] !== replacement);
        const changed = code.slice(0, at) + replacement + code.slice(at + 1);
        expect(parseCreditCode(changed).ok).toBe(false);
        expect(checkApplicant({ kind: 'organization', name: '某合作社', idNumber: changed, phone: '13812345678' }, '2026-03-02')).toMatchObject({ ok: false, code: 'CREDIT_CODE_INVALID' });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('applicant accounts', () => {
  it('real-name check: a person by ID number and birth date, a company by credit code', () => {
    expect(checkRealName({ kind: 'person', name: ' 王大山 ', idNumber: '11010519491231002x' }, '2026-03-02')).toEqual({
      ok: true,
      value: { kind: 'person', name: '王大山', number: '11010519491231002X', method: 'gb11643' },
    });
    expect(checkRealName({ kind: 'person', name: '王大山', idNumber: '110105194912310021' }, '2026-03-02')).toMatchObject({ ok: false, path: 'idNumber' });
    // born after today
    const future = checkRealName({ kind: 'person', name: '王小山', idNumber: '110105202703010016' }, '2026-03-02');
    expect(future).toMatchObject({ ok: false, path: 'idNumber' });
    if (!future.ok) expect(future.error).toContain('晚于今天');
    expect(checkRealName({ kind: 'organization', name: '柳河镇农机合作社', creditCode: '93410899MA40ABCD1G' }, '2026-03-02')).toMatchObject({ ok: true, value: { method: 'gb32100', number: '93410899MA40ABCD1G' } });
    expect(checkRealName({ kind: 'organization', name: '柳河镇农机合作社', creditCode: '93410899MA40ABCD1X' }, '2026-03-02')).toMatchObject({ ok: false, path: 'creditCode' });
    // a person's form never takes a credit code in place of the ID number
    expect(checkRealName({ kind: 'person', name: '王大山', creditCode: '93410899MA40ABCD1G' }, '2026-03-02')).toMatchObject({ ok: false, path: 'idNumber' });
  });

  it('codes: six digits, one a minute and ten a day per phone', () => {
    expect(newCode(() => 42)).toBe('000042');
    expect(isCodeShape('000042')).toBe(true);
    expect(isCodeShape('12345')).toBe(false);
    expect(plainDigits('１２３ ４５６')).toBe('123456');
    const now = new Date('2026-03-02T01:00:30Z');
    expect(codeThrottle({ day: null, sentToday: 0, lastSentAt: null }, now, '2026-03-02')).toEqual({ ok: true });
    expect(codeThrottle({ day: '2026-03-02', sentToday: 1, lastSentAt: '2026-03-02T01:00:00Z' }, now, '2026-03-02')).toEqual({ ok: false, reason: 'wait', retryAfterSeconds: 30 });
    expect(codeThrottle({ day: '2026-03-02', sentToday: 9, lastSentAt: '2026-03-02T00:59:30Z' }, now, '2026-03-02')).toEqual({ ok: true });
    expect(codeThrottle({ day: '2026-03-02', sentToday: 10, lastSentAt: '2026-03-02T00:50:00Z' }, now, '2026-03-02')).toEqual({ ok: false, reason: 'day' });
    // a new day starts the count again
    expect(codeThrottle({ day: '2026-03-01', sentToday: 10, lastSentAt: '2026-03-01T12:00:00Z' }, now, '2026-03-02')).toEqual({ ok: true });
  });

  it('masks names and numbers for the 我的 page', () => {
    expect(maskName('王大山', 'person')).toBe('王**');
    expect(maskName('欧阳娜娜', 'person')).toBe('欧***');
    expect(maskName('柳河镇农机合作社', 'organization')).toBe('柳河****作社');
    expect(maskName('某公司', 'organization')).toBe('某**');
    expect(maskNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
