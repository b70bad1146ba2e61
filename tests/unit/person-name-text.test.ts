import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personNameText } from '../../src/domain/text.js';

// A name goes onto notices, evidence and SMS as it was typed: emoji from a phone keyboard never belong in it.
describe('personNameText', () => {
  const name = personNameText('申请人姓名', 60);

  it('takes names as ID cards and licences write them', () => {
    for (const ok of ['王大山', '欧阳明华', '阿依古丽·买买提', 'Zhang San', '清河县柳河村股份经济合作社', '𠀀𠀁']) {
      expect(name.safeParse(ok).success, ok).toBe(true);
    }
  });

  it('refuses emoji and picture symbols anywhere, saying what to do', () => {
    for (const bad of ['王😀明', '😀', '李★', '张三☎']) {
      const r = name.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toContain('请按身份证件');
    }
  });

  it('property: a CJK name with any emoji put in is refused', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const emoji = fc.integer({ min: 0x1f600, max: 0x1f64f }).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 4 }), emoji, fc.nat(4), (chars, e, at) => {
        const typed = [...chars.slice(0, at), e, ...chars.slice(at)].join('');
        expect(name.safeParse(typed).success).toBe(false);
        expect(name.safeParse(chars.join('')).success).toBe(true);
      }),
    );
  });
});
