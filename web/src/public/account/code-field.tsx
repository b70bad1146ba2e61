import { useEffect, useState } from 'react';
import { codeWaitsText } from '@domain/notifications/sms-status';
import { mobileError } from '@domain/people/id-number';
import { loadSmsStatus } from '../sms-status';
import { askCode } from './account-api';
import { Field, FieldProblem, plainPhone } from './fields';

/**
 * The phone and its SMS code: 获取验证码 asks the server to send one (the code never comes back to the page, only to
 * the phone), then counts down 60 seconds before another may be asked for. Without an SMS provider the page says
 * plainly that the code waits in the 短信记录, which only the system administrator can open, and whom to call.
 */
export function PhoneAndCode({
  purpose,
  phone,
  code,
  onPhone,
  onCode,
  problems,
  clearProblem,
}: {
  purpose: 'register' | 'reset';
  phone: string;
  code: string;
  onPhone: (v: string) => void;
  onCode: (v: string) => void;
  problems: Record<string, string>;
  clearProblem: (field: string) => void;
}) {
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((w) => w - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  async function send() {
    const problem = mobileError(plainPhone(phone));
    if (problem) {
      setNote({ text: problem, bad: true });
      return;
    }
    setBusy(true);
    setNote(null);
    const answer = await askCode(plainPhone(phone), purpose);
    setBusy(false);
    if (answer.ok) {
      setWait(answer.value.resendAfterSeconds);
      const minutes = Math.round(answer.value.expiresInSeconds / 60);
      // without SMS only the system administrator can read the code (短信记录): say whom to call, with the phone
      const text = answer.value.smsConfigured
        ? `验证码已发送到 ${answer.value.phone}，${minutes} 分钟内有效。`
        : codeWaitsText((await loadSmsStatus())?.administrator ?? null, minutes);
      setNote({ bad: false, text });
      return;
    }
    if (answer.failure.retryAfterSeconds) setWait(answer.failure.retryAfterSeconds);
    setNote({ text: answer.failure.title, bad: true });
  }

  return (
    <>
      <label htmlFor="phone">手机号码</label>
      <div className="code-row">
        <input
          id="phone"
          name="phone"
          value={phone}
          onChange={(e) => {
            onPhone(e.target.value);
            clearProblem('phone');
          }}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          aria-describedby="phone-problem"
        />
        <button type="button" className="code-button" onClick={() => void send()} disabled={busy || wait > 0}>
          {wait > 0 ? `${wait} 秒后重新获取` : busy ? '正在发送…' : '获取验证码'}
        </button>
      </div>
      <FieldProblem field="phone" problems={problems} />
      {note && (
        <p className={note.bad ? 'field-problem' : 'code-note'} role="status" data-testid="code-note">
          {note.text}
        </p>
      )}
      <Field field="code" label="短信验证码" value={code} onValue={onCode} problems={problems} clearProblem={clearProblem} inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" />
    </>
  );
}

/** The form's own checks of the phone and its code before sending; the server checks them again. */
export function phoneAndCodeProblems(phone: string, code: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const phoneProblem = mobileError(plainPhone(phone));
  if (phoneProblem) problems.phone = phoneProblem;
  if (!/^\d{6}$/.test(code.trim())) problems.code = '请填写短信中的 6 位验证码';
  return problems;
}
