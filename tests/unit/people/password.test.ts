import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import commonPasswords from '../../../src/domain/people/common-passwords.json' with { type: 'json' };
import { isCommonPassword, passwordProblem } from '../../../src/domain/people/password.js';

describe('等保 password policy (default)', () => {
  const dengbao = (password: string, username = 'wangxy', demo = false) => passwordProblem(password, { policy: 'dengbao', username, demo });
  it('needs 8 characters of at least three of the four kinds', () => {
    expect(dengbao('Ab1!')).toBe('密码至少 8 位。');
    expect(dengbao('abcdefg1')).toContain('至少三类');
    expect(dengbao('ABCDEFG!')).toContain('至少三类');
    expect(dengbao('Abcdefg1')).toBeNull();
    expect(dengbao('abcdef1!')).toBeNull();
    expect(dengbao('ABCDEF1!')).toBeNull();
  });
  it('never contains the username, whatever the case', () => {
    expect(dengbao('WangXY-2026', 'wangxy')).toBe('密码不能包含用户名。');
  });
  it('never the published demo password outside demo mode, however dressed', () => {
    expect(dengbao('Bianmin2026!')).toContain('演示密码');
    expect(dengbao('x-BIANMIN2026')).toContain('演示密码');
    expect(dengbao('Bianmin2026!', 'wangxy', true)).toBeNull();
  });
  it('accepts any 8+ character password with three kinds that names neither (property)', () => {
    const pick = (chars: string) => fc.constantFrom(...chars.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pick('abcdefghjk'), pick('ABCDEFGHJK'), pick('23456789'), pick('!@#%-_')), { minLength: 8, maxLength: 40 }),
        (chars) => {
          const password = chars.join('');
          const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
          expect(dengbao(password, 'zzz') === null).toBe(kinds >= 3);
        },
      ),
    );
  });
});

describe('ASVS password policy', () => {
  const asvs = (password: string) => passwordProblem(password, { policy: 'asvs', username: 'wangxy' });
  it('needs 12 characters and no composition', () => {
    expect(asvs('Abcdef1!xyz')).toBe('密码至少 12 位。');
    expect(asvs('willow river at dusk')).toBeNull();
    expect(asvs('alllowercaseletters')).toBeNull();
  });
  it('refuses the shipped common passwords and their usual dressing', () => {
    expect(commonPasswords.passwords.length).toBeGreaterThan(3000);
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('Password')).toBe(true);
    expect(asvs('password1234')).toContain('常用密码');
    expect(asvs('Password2026!')).toContain('常用密码');
    expect(asvs('qwertyqwerty')).toContain('常用密码');
    expect(asvs('aaaaaaaaaaaa')).toContain('常用密码');
    expect(asvs('woaini1314woaini1314')).toContain('常用密码');
  });
  it('has an upper bound so nobody posts a megabyte', () => {
    expect(asvs('x'.repeat(129))).toContain('不能超过');
  });
});
