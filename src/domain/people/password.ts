/**
 * Password rules for staff accounts (a clerk handles personal data). Two policies, chosen per deployment with
 * PASSWORD_POLICY; the console checks the same rules before sending, the server decides.
 *
 * - `dengbao` (default): what 等保 (GB/T 22239-2019, 身份鉴别 "口令应有复杂度要求") assessors expect in practice:
 *   at least 8 characters from at least 3 of the 4 classes (upper case, lower case, digits, symbols).
 * - `asvs`: OWASP ASVS (V2.1 / NIST SP 800-63B): at least 12 characters, no composition rules, and none of the
 *   commonly used passwords shipped in common-passwords.json (see its `source`).
 *
 * Both: never the account's own username, and never the published demo password outside demo mode.
 */
import commonPasswords from './common-passwords.json' with { type: 'json' };

export const PASSWORD_POLICIES = ['dengbao', 'asvs'] as const;
export type PasswordPolicy = (typeof PASSWORD_POLICIES)[number];

/** The demo accounts' password, printed in the README: anyone may know it. */
export const DEMO_PASSWORD = 'bianmin2026';

export const MIN_LENGTH: Record<PasswordPolicy, number> = { dengbao: 8, asvs: 12 };
/** Argon2 hashes any length, but a megabyte "password" is a way to keep the server busy. */
export const MAX_LENGTH = 128;

const COMMON = new Set<string>(commonPasswords.passwords);

export interface PasswordContext {
  policy: PasswordPolicy;
  /** The account's username: a password containing it is the first thing anyone tries. */
  username?: string;
  /** In demo mode the demo password is allowed (everyone signs in with it anyway). */
  demo?: boolean;
}

const classesOf = (password: string) => [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;

/**
 * Whether a password is on the common list, also when dressed up the usual ways: "Password2026!" is
 * "password" with a year and a symbol, "qwertyqwerty" a common word said twice.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const variants = new Set([lower, lower.replace(/[\d\W_]+$/, ''), lower.replace(/^[\d\W_]+/, '')]);
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower) variants.add(lower.slice(0, size));
  }
  return [...variants].some((v) => v.length > 0 && (COMMON.has(v) || /^(.)\1*$/.test(v)));
}

/** The first rule a password breaks, in words a clerk understands; null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  const min = MIN_LENGTH[context.policy];
  if (password.length < min) return `密码至少 ${min} 位。`;
  if (password.length > MAX_LENGTH) return `密码不能超过 ${MAX_LENGTH} 位。`;
  const lower = password.toLowerCase();
  if (context.username && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    return '密码不能包含用户名。';
  }
  if (!context.demo && lower.includes(DEMO_PASSWORD)) {
    return `不能使用演示密码 ${DEMO_PASSWORD}（它印在说明书里，人人都知道），请另设一个。`;
  }
  if (context.policy === 'dengbao' && classesOf(password) < 3) {
    return '密码须包含大写字母、小写字母、数字、符号中的至少三类。';
  }
  if (context.policy === 'asvs' && isCommonPassword(password)) {
    return '这是常用密码（或常用密码加数字、重复），很容易被猜中，请换一个不常见的长句或词组。';
  }
  return null;
}

/** The rule in one line, for the form that sets a password. */
export function passwordHint(policy: PasswordPolicy): string {
  return policy === 'dengbao'
    ? '至少 8 位，含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名。'
    : '至少 12 位，可以是一句好记的话；不能是常用密码，不能包含用户名。';
}
