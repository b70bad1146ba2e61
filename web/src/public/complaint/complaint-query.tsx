import { useState } from 'react';
import { chineseDate, chineseDateTime } from '../format';
import { queryFailureText } from '../filing/filing-api';
import { initialNumber, QueryForm } from '../filing/query-form';
import { queryComplaint, type PublicComplaint } from './complaint-api';

const DONE = ['answered', 'visited', 'archived'];

/** 投诉查询: the number and query code (given when filing, and by SMS) → where it stands and the answer. */
export function ComplaintQuery({ initial }: { initial?: { complaintNo: string; queryCode: string } | undefined }) {
  const [result, setResult] = useState<PublicComplaint | null>(null);
  const query = async (no: string, code: string) => {
    const answer = await queryComplaint(no, code);
    setResult(answer.ok ? answer.complaint : null);
    return answer.ok ? null : queryFailureText(answer.failure.kind, '未查到该投诉，请核对投诉编号和查询码');
  };

  return (
    <>
      <QueryForm
        number={{ id: 'complaintNo', label: '投诉编号', placeholder: '如 TS-410899101-2026-0001', initial: initialNumber(initial?.complaintNo), missing: '请填写投诉编号' }}
        secret={{ id: 'queryCode', label: '查询码', placeholder: '6 位数字，投诉时给您的', initial: initial?.queryCode ?? '' }}
        secretPattern={/^\d{6}$/}
        secretProblem="请填写 6 位数字的查询码"
        query={query}
      />
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
