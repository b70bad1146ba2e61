import { useState, type FormEvent } from 'react';
import { chineseDate, chineseDateTime } from '../format';
import { queryComplaint, type Failure, type PublicComplaint } from './complaint-api';

const FAILURES: Record<Failure['kind'], string> = {
  invalid: '未查到该投诉，请核对投诉编号和查询码',
  'not-found': '未查到该投诉，请核对投诉编号和查询码',
  'too-many': '查询过于频繁，请一分钟后再试',
  network: '网络连接失败，请检查手机网络后再点“查询”',
  server: '系统暂时无法查询，请稍后再试',
};

const DONE = ['answered', 'visited', 'archived'];

/** 投诉查询: the number and query code (given when filing, and by SMS) → where it stands and the answer. */
export function ComplaintQuery({ initial }: { initial?: { complaintNo: string; queryCode: string } | undefined }) {
  const [complaintNo, setComplaintNo] = useState(initial?.complaintNo ?? new URLSearchParams(window.location.search).get('no') ?? '');
  const [queryCode, setQueryCode] = useState(initial?.queryCode ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PublicComplaint | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const no = complaintNo.normalize('NFKC').trim().toUpperCase().replace(/\s/g, '');
    setComplaintNo(no);
    if (!no) return setProblem('请填写投诉编号');
    if (!/^\d{6}$/.test(queryCode)) return setProblem('请填写 6 位数字的查询码');
    setBusy(true);
    setProblem(null);
    const answer = await queryComplaint(no, queryCode);
    setBusy(false);
    if (answer.ok) setResult(answer.complaint);
    else {
      setResult(null);
      setProblem(FAILURES[answer.failure.kind]);
    }
  }

  return (
    <>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="complaintNo">投诉编号</label>
        <input id="complaintNo" name="complaintNo" value={complaintNo} onChange={(e) => setComplaintNo(e.target.value)} placeholder="如 TS-410899101-2026-0001" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <label htmlFor="queryCode">查询码</label>
        <input
          id="queryCode"
          name="queryCode"
          value={queryCode}
          onChange={(e) => setQueryCode(e.target.value.normalize('NFKC').replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          autoComplete="off"
          placeholder="6 位数字，投诉时给您的"
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
        <section className="result" aria-live="polite" data-testid="complaint-result">
          <p className="result-item">{result.title}</p>
          <p className="result-no">
            {result.complaintNo} · {result.centerName}
          </p>
          <div className={`status${DONE.includes(result.status) ? ' status-done' : ''}`}>
            <span className="status-label">办理情况</span>
            <strong className="status-name">{result.statusName}</strong>
          </div>
          <dl className="dates">
            <div>
              <dt>投诉时间</dt>
              <dd>{chineseDate(result.receivedAt)}</dd>
            </div>
            {!result.answer && (
              <div>
                <dt>答复时间不晚于</dt>
                <dd>{chineseDate(`${result.dueDate}T12:00:00`)}</dd>
              </div>
            )}
          </dl>
          {result.answer && (
            <div className="answer" data-testid="complaint-answer">
              <h2 className="timeline-title">答复</h2>
              <p>{result.answer.text}</p>
              <p className="hint">{chineseDateTime(result.answer.at)}</p>
            </div>
          )}
          <h2 className="timeline-title">办理过程</h2>
          <ol className="timeline">
            {result.timeline.map((e, i) => (
              <li key={`${e.at}-${i}`} className={i === result.timeline.length - 1 ? 'latest' : undefined}>
                <time>{chineseDateTime(e.at)}</time>
                <span>{e.text}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
