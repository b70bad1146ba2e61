import { useState, type FormEvent } from 'react';
import { isValidMobile } from '@domain/people/id-number';
import { signIn, type ApplicantView } from './account-api';
import { FieldProblem, fieldProblems, FormProblem, plainPhone } from './fields';

/** 登录: phone and password. Too many wrong passwords lock the account for a while (the server says until when). */
export function SignInForm({ onDone, onForgot }: { onDone: (applicant: ApplicantView) => void; onForgot: () => void }) {
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    // the shape first (the rule and the words of the consultation form): "1370000" is a mistyped number, not a
    // wrong password, and is never sent
    if (!plainPhone(phone)) found.phone = '请填写注册时用的手机号码';
    else if (!isValidMobile(plainPhone(phone))) found.phone = '请填写 11 位手机号码';
    if (!password) found.password = '请填写密码';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setProblem('请按红字提示填写后再登录');
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await signIn(plainPhone(phone), password);
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
      <label htmlFor="phone">手机号码</label>
      <input id="phone" name="phone" value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="username" maxLength={20} aria-describedby="phone-problem" />
      <FieldProblem field="phone" problems={problems} />
      <label htmlFor="password">密码</label>
      <input id="password" name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" maxLength={128} aria-describedby="password-problem" />
      <FieldProblem field="password" problems={problems} />
      <FormProblem>{problem}</FormProblem>
      <button type="submit" disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </button>
      <p className="link-row">
        <a
          href="/account/reset"
          onClick={(e) => {
            e.preventDefault();
            onForgot();
          }}
        >
          忘记密码？找回密码
        </a>
      </p>
    </form>
  );
}
