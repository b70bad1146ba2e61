import { useRef, useState, type FormEvent } from 'react';
import { parseIdNumber } from '@domain/people/id-number';
import { parseCreditCode } from '@domain/people/credit-code';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { registerAccount, type ApplicantView } from './account-api';
import { PhoneAndCode, phoneAndCodeProblems } from './code-field';
import { Field, fieldProblems, FormProblem, plainPhone, todayHere } from './fields';
import { NewPassword, newPasswordProblems, usePasswordRule } from './password-field';

type Kind = 'person' | 'organization';

/**
 * 注册: the phone and its code, person or company, the name and the ID number or credit code (checked here by the
 * same rules as on the server: check digit, birth date), and a password. Done: signed in, on to 我的.
 */
export function RegisterForm({ onDone }: { onDone: (applicant: ApplicantView) => void }) {
  const rule = usePasswordRule();
  const [v, setV] = useState({ phone: '', code: '', kind: 'person' as Kind, name: '', number: '', password: '', password2: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const set = (field: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [field]: value }));
  const clearProblem = (field: string) => setProblems(({ [field]: _fixed, ...rest }) => rest);
  const numberField = v.kind === 'person' ? 'idNumber' : 'creditCode';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = phoneAndCodeProblems(v.phone, v.code);
    if (!v.name.trim()) found.name = v.kind === 'person' ? '请填写您的姓名（与身份证一致）' : '请填写单位名称（与营业执照一致）';
    const checked = v.kind === 'person' ? parseIdNumber(v.number, todayHere()) : parseCreditCode(v.number);
    if (!checked.ok) found[numberField] = checked.error;
    Object.assign(found, newPasswordProblems(v.password, v.password2, rule));
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setProblem('请按红字提示改正后再提交');
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await registerAccount(
      {
        phone: plainPhone(v.phone),
        code: v.code.trim(),
        password: v.password,
        kind: v.kind,
        name: v.name.trim(),
        ...(v.kind === 'person' ? { idNumber: v.number.trim() } : { creditCode: v.number.trim() }),
      },
      key.current,
    );
    setBusy(false);
    if (answer.ok) {
      onDone(answer.value.applicant);
      return;
    }
    setProblems(fieldProblems(answer.failure));
    setProblem(answer.failure.title);
    // a refused registration may be sent again with corrections: a new key, so it is not taken for the old one
    if (answer.failure.status !== 0) key.current = newIdempotencyKey();
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <PhoneAndCode purpose="register" phone={v.phone} code={v.code} onPhone={set('phone')} onCode={set('code')} problems={problems} clearProblem={clearProblem} />
      <fieldset className="kind">
        <legend>谁来办事</legend>
        {(
          [
            ['person', '个人'],
            ['organization', '企业或单位'],
          ] as const
        ).map(([kind, title]) => (
          <label key={kind} className={v.kind === kind ? 'kind-option chosen' : 'kind-option'}>
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={v.kind === kind}
              onChange={() => {
                setV((old) => ({ ...old, kind, number: '' }));
                setProblems({});
              }}
            />
            {title}
          </label>
        ))}
      </fieldset>
      <Field
        field="name"
        label={v.kind === 'person' ? '姓名' : '单位名称'}
        value={v.name}
        onValue={set('name')}
        problems={problems}
        clearProblem={clearProblem}
        autoComplete={v.kind === 'person' ? 'name' : 'organization'}
        maxLength={60}
        placeholder={v.kind === 'person' ? '与身份证上的一致' : '与营业执照上的一致'}
      />
      <Field
        field={numberField}
        label={v.kind === 'person' ? '身份证号码' : '统一社会信用代码'}
        value={v.number}
        onValue={set('number')}
        problems={problems}
        clearProblem={clearProblem}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={24}
        placeholder={v.kind === 'person' ? '18 位，最后一位可能是 X' : '18 位，见营业执照'}
      />
      <NewPassword label="设置密码" value={v.password} again={v.password2} onValue={set('password')} onAgain={set('password2')} rule={rule} problems={problems} clearProblem={clearProblem} />
      <FormProblem>{problem}</FormProblem>
      <button type="submit" disabled={busy}>
        {busy ? '正在注册…' : '注册并登录'}
      </button>
    </form>
  );
}
