import { useEffect, useState } from 'react';
import { getPasswordRule, type PasswordRule } from './account-api';
import { Field } from './fields';

/** The rule for a new password as the server applies it (the same as for staff accounts). */
export function usePasswordRule(): PasswordRule | null {
  const [rule, setRule] = useState<PasswordRule | null>(null);
  useEffect(() => {
    void getPasswordRule().then((answer) => {
      if (answer.ok) setRule(answer.value);
    });
  }, []);
  return rule;
}

/** A new password typed twice, with the rule under it. */
export function NewPassword({
  label,
  value,
  again,
  onValue,
  onAgain,
  rule,
  problems,
  clearProblem,
}: {
  label: string;
  value: string;
  again: string;
  onValue: (v: string) => void;
  onAgain: (v: string) => void;
  rule: PasswordRule | null;
  problems: Record<string, string>;
  clearProblem: (field: string) => void;
}) {
  return (
    <>
      <Field field="password" label={label} type="password" value={value} onValue={onValue} problems={problems} clearProblem={clearProblem} hint={rule?.hint} autoComplete="new-password" maxLength={128} />
      <Field field="password2" label="再输入一次密码" type="password" value={again} onValue={onAgain} problems={problems} clearProblem={clearProblem} autoComplete="new-password" maxLength={128} />
    </>
  );
}

/** The form's own checks of a new password before sending; the server checks the full rule. */
export function newPasswordProblems(value: string, again: string, rule: PasswordRule | null): Record<string, string> {
  const problems: Record<string, string> = {};
  const min = rule?.minLength ?? 8;
  if (!value) problems.password = '请设置密码';
  else if (value.length < min) problems.password = `密码至少 ${min} 位`;
  if (value && again !== value) problems.password2 = '两次输入的密码不一样，请重新输入';
  return problems;
}
