import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCaseNo } from '../../../src/domain/cases/case-number.js';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** A case number as notices print it: center code (6–12 digits), date, 4-digit sequence. */
const caseNo = fc
  .tuple(digits(6, 12), fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 9999 }))
  .map(([org, day, seq]) => `${org}-${day.toISOString().slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`);

const DASHES = ['-', '－', '—', '–', '‐', '‑', '―', '−', '﹣'];
const SPACES = [' ', '　', '\t', ''];
const toFullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** How a person may type a number back: each hyphen dropped or any dash, spaces around, full-width digits, lower case. */
const typed = caseNo.chain((no) =>
  fc
    .record({
      dashes: fc.array(fc.constantFrom('', ...DASHES), { minLength: 2, maxLength: 2 }),
      around: fc.array(fc.constantFrom(...SPACES), { minLength: 4, maxLength: 4 }),
      fullWidth: fc.boolean(),
      lower: fc.boolean(),
    })
    .map(({ dashes, around, fullWidth, lower }) => {
      const [org, day, seq] = no.split('-');
      let text = `${around[0]}${org}${around[1]}${dashes[0]}${day}${dashes[1]}${around[2]}${seq}${around[3]}`;
      if (fullWidth) text = toFullWidth(text);
      if (lower) text = text.toLowerCase();
      return { no, text };
    }),
);

describe('normalizeCaseNo', () => {
  it('gives back the printed number however it was typed', () => {
    fc.assert(fc.property(typed, ({ no, text }) => normalizeCaseNo(text) === no));
  });

  it('leaves a printed number as it is, and is idempotent', () => {
    fc.assert(fc.property(caseNo, (no) => normalizeCaseNo(no) === no));
    fc.assert(fc.property(fc.string(), (s) => normalizeCaseNo(normalizeCaseNo(s)) === normalizeCaseNo(s)));
  });

  it('answers a plain ASCII number exactly as the full Unicode path does (the shortcut changes nothing)', () => {
    const slow = (s: string) => normalizeCaseNo(`${s}\u200b`); // an invisible character forces the full path
    const plainText = fc.string({ unit: fc.constantFrom(...'0123456789ABZ-'), maxLength: 30 });
    fc.assert(fc.property(plainText, (s) => normalizeCaseNo(s) === slow(s)));
    fc.assert(fc.property(caseNo, (no) => normalizeCaseNo(no.replaceAll('-', '')) === slow(no.replaceAll('-', ''))));
  });

  it('handles the cases a person meets', () => {
    expect(normalizeCaseNo('410899101202603020001')).toBe('410899101-20260302-0001');
    expect(normalizeCaseNo(' 410899101－20260302－0001 ')).toBe('410899101-20260302-0001');
    expect(normalizeCaseNo('410899101 — 20260302 — 0001')).toBe('410899101-20260302-0001');
    expect(normalizeCaseNo('４１０８９９１０１２０２６０３０２０００１')).toBe('410899101-20260302-0001');
    expect(normalizeCaseNo('410899101-202603020001')).toBe('410899101-20260302-0001');
    expect(normalizeCaseNo('ab410899-20260302-0001')).toBe('AB410899-20260302-0001');
    expect(normalizeCaseNo('410899101-20260302-12345')).toBe('410899101-20260302-12345');
    expect(normalizeCaseNo('')).toBe('');
  });
});
