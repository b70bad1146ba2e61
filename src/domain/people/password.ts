/** Minimum strength for staff passwords (a clerk handles personal data); the console checks the same before sending. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位。';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 2) return '密码须包含大写字母、小写字母、数字、符号中的至少两类。';
  return null;
}
