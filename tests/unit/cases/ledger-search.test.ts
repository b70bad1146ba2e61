import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerSearch, TRIGRAM_MIN_LENGTH } from '../../../src/domain/cases/ledger-search.js';

describe('what a ledger search matches', () => {
  it('a whole phone or ID number however typed; the text as typed, trimmed', () => {
    expect(ledgerSearch(' 139-8765-4321 ')).toMatchObject({ text: '139-8765-4321', phone: '13987654321', idNumber: null });
    expect(ledgerSearch('11010519491231002x')).toMatchObject({ idNumber: '11010519491231002X', idText: '11010519491231002X' });
    expect(ledgerSearch('１１０１０５１９４９１２３１００２Ｘ').idNumber).toBe('11010519491231002X');
    expect(ledgerSearch('王大山')).toMatchObject({ text: '王大山', phone: null, idNumber: null });
  });

  it('goes through the trigram indexes from 3 characters on, counted as characters, not UTF-16 units', () => {
    expect(TRIGRAM_MIN_LENGTH).toBe(3);
    expect(ledgerSearch('王').byTrigrams).toBe(false);
    expect(ledgerSearch('王芳').byTrigrams).toBe(false);
    expect(ledgerSearch(' 王芳 ').byTrigrams).toBe(false);
    expect(ledgerSearch('王大山').byTrigrams).toBe(true);
    // 𠀀 (U+20000) is two UTF-16 units and one character
    expect(ledgerSearch('𠀀𠀀').byTrigrams).toBe(false);
    expect(ledgerSearch('𠀀𠀀𠀀').byTrigrams).toBe(true);
  });

  it('every whole phone or ID number is long enough for the indexes (they are found among the trigram matches too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-xX 王'), maxLength: 24 }), (q) => {
        const s = ledgerSearch(q);
        if (s.phone !== null || s.idNumber !== null) expect(s.byTrigrams).toBe(true);
        expect(s.byTrigrams).toBe([...s.text].length >= 3 && [...s.idText].length >= 3);
      }),
    );
  });
});
