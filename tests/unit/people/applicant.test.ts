import { describe, expect, it } from 'vitest';
import { checkApplicant, checkPhone } from '../../../src/domain/people/applicant.js';

const person = { kind: 'person' as const, name: ' 王大山 ', idNumber: '11010519491231002x', phone: '138 1234 5678' };

describe('the applicant of a case', () => {
  it('a person: ID number checked and normalised, mobile or landline', () => {
    expect(checkApplicant(person, '2026-03-02')).toEqual({ ok: true, value: { ...person, name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' } });
    expect(checkApplicant({ ...person, phone: '0371-66881234' }, '2026-03-02').ok).toBe(true);
    expect(checkApplicant({ ...person, idNumber: '110105194912310021' }, '2026-03-02')).toMatchObject({ ok: false, code: 'ID_NUMBER_INVALID' });
    expect(checkApplicant({ ...person, phone: '12345' }, '2026-03-02')).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
  });
  it('an organisation: the unified social credit code', () => {
    const org = { kind: 'organization' as const, name: '柳河镇农机合作社', idNumber: '93410899MA40ABCD1X', phone: '13812345678' };
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
