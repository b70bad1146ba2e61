import { useState, type FormEvent } from 'react';
import { chineseDateTime } from '../format';
import { queryConsultation, type Failure, type PublicConsultation } from './consult-api';

const FAILURES: Record<Failure['kind'], string> = {
  invalid: '未查到该咨询，请核对咨询编号和查询码',
  'not-found': '未查到该咨询，请核对咨询编号和查询码（或手机号码后四位）',
  'too-many': '查询过于频繁，请一分钟后再试',
  network: '网络连接失败，请检查手机网络后再点“查询”',
  server: '系统暂时无法查询，请稍后再试',
};

/** 查询咨询: the number and the query code (or the phone's last four digits) → the answer, or that it is waiting. */
export function ConsultQuery({ initial }: { initial?: { consultationNo: string; queryCode: string } | undefined }) {
  const [no, setNo] = useState(initial?.consultationNo ?? new URLSearchParams(window.location.search).get('no') ?? '');
  const [secret, setSecret] = useState(initial?.queryCode ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PublicConsultation | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = no.normalize('NFKC').trim().toUpperCase().replace(/\s/g, '');
    setNo(number);
    if (!number) return setProblem('请填写咨询编号');
    if (!/^(\d{4}|\d{6})$/.test(secret)) return setProblem('请填写 6 位数字的查询码，或手机号码的后四位');
    setBusy(true);
    setProblem(null);
    const answer = await queryConsultation(number, secret);
    setBusy(false);
    if (answer.ok) setResult(answer.consultation);
    else {
      setResult(null);
      setProblem(FAILURES[answer.failure.kind]);
    }
  }

  return (
    <>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="consultationNo">咨询编号</label>
        <input id="consultationNo" name="consultationNo" value={no} onChange={(e) => setNo(e.target.value)} placeholder="如 ZX202603020001" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <label htmlFor="secret">查询码或手机号码后四位</label>
        <input
          id="secret"
          name="secret"
          value={secret}
          onChange={(e) => setSecret(e.target.value.normalize('NFKC').replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          autoComplete="off"
          placeholder="6 位查询码，或手机号后 4 位"
        />
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? '正在查询…' : '查询'}
        </button>
      </form>
      {result && (
        <section className="result" aria-live="polite" data-testid="consult-result">
          <p className="result-item">{result.itemName ?? '咨询'}</p>
          <p className="result-no">
            {result.consultationNo} · {result.orgName}
          </p>
          <div className={`status${result.answer ? ' status-done' : ''}`}>
            <span className="status-label">办理情况</span>
            <strong className="status-name">{result.statusName}</strong>
          </div>
          <h2 className="timeline-title">您的问题</h2>
          <p className="asked">{result.question}</p>
          <p className="hint">{chineseDateTime(result.askedAt)}</p>
          {result.answer ? (
            <div className="answer" data-testid="consult-answer">
              <h2 className="timeline-title">答复</h2>
              <p>{result.answer}</p>
              {result.answeredAt && <p className="hint">{chineseDateTime(result.answeredAt)}</p>}
            </div>
          ) : (
            <p className="hint waiting">工作人员还没有答复。答复后会用短信告诉您，也可以过一会儿再来查询。</p>
          )}
        </section>
      )}
    </>
  );
}
