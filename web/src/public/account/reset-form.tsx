import { useState, type FormEvent } from 'react';
import { resetPassword, type ApplicantView } from './account-api';
import { PhoneAndCode, phoneAndCodeProblems } from './code-field';
import { fieldProblems, FormProblem, plainPhone } from './fields';
import { NewPassword, newPasswordProblems, usePasswordRule } from './password-field';

/** 找回密码: a code to the registered phone, then a new password; signed in after (a lock-out ends too). */
export function ResetForm({ onDone }: { onDone: (applicant: ApplicantView) => void }) {
  const rule = usePasswordRule();
  const [v, setV] = useState({ phone: '', code: '', password: '', password2: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [field]: value }));
  const clearProblem = (field: string) => setProblems(({ [field]: _fixed, ...rest }) => rest);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = phoneAndCodeProblems(v.phone, v.code);
    Object.assign(found, newPasswordProblems(v.password, v.password2, rule));
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setProblem('请按红字提示改正后再提交');
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await resetPassword(plainPhone(v.phone), v.code.trim(), v.password);
    setBusy(false);
    if (answer.ok) {
      onDone(answer.value.applicant);
      return;
    }
    setProblems(fieldProblems(answer.failure));
    setProblem(answer.failure.title);
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <PhoneAndCode purpose="reset" phone={v.phone} code={v.code} onPhone={set('phone')} onCode={set('code')} problems={problems} clearProblem={clearProblem} />
      <NewPassword label="新密码" value={v.password} again={v.password2} onValue={set('password')} onAgain={set('password2')} rule={rule} problems={problems} clearProblem={clearProblem} />
      <FormProblem>{problem}</FormProblem>
      <button type="submit" disabled={busy}>
        {busy ? '正在提交…' : '设置新密码并登录'}
      </button>
    </form>
  );
}
