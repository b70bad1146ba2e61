import { useEffect, useState } from 'react';
import { getPasswordRule, type PasswordRule } from './account-api';
import { FieldProblem } from './fields';

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
      <label htmlFor="password">{label}</label>
      <input
        id="password"
        name="password"
        type="password"
        value={value}
        onChange={(e) => {
          onValue(e.target.value);
          clearProblem('password');
        }}
        autoComplete="new-password"
        maxLength={128}
        aria-describedby="password-hint password-problem"
      />
      {rule && (
        <p className="field-hint" id="password-hint">
          {rule.hint}
        </p>
      )}
      <FieldProblem field="password" problems={problems} />
      <label htmlFor="password2">再输入一次密码</label>
      <input
        id="password2"
        name="password2"
        type="password"
        value={again}
        onChange={(e) => {
          onAgain(e.target.value);
          clearProblem('password2');
        }}
        autoComplete="new-password"
        maxLength={128}
        aria-describedby="password2-problem"
      />
      <FieldProblem field="password2" problems={problems} />
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
