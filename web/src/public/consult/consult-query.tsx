import { useState } from 'react';
import { consultWords } from '@domain/notifications/sms-status';
import { chineseDateTime } from '../format';
import { queryFailureText } from '../filing/filing-api';
import { initialNumber, QueryForm } from '../filing/query-form';
import { useSmsStatus } from '../sms-status';
import { queryConsultation, type PublicConsultation } from './consult-api';

/** 查询咨询: the number and the query code (or the phone's last four digits) → the answer, or that it is waiting. */
export function ConsultQuery({ initial }: { initial?: { consultationNo: string; queryCode: string } | undefined }) {
  const [result, setResult] = useState<PublicConsultation | null>(null);
  const words = consultWords(useSmsStatus());
  const query = async (no: string, secret: string) => {
    const answer = await queryConsultation(no, secret);
    setResult(answer.ok ? answer.consultation : null);
    return answer.ok ? null : queryFailureText(answer.failure.kind, '未查到该咨询，请核对咨询编号和查询码（或手机号码后四位）');
  };

  return (
    <>
      <QueryForm
        number={{ id: 'consultationNo', label: '咨询编号', placeholder: '如 ZX202603020001', initial: initialNumber(initial?.consultationNo), missing: '请填写咨询编号' }}
        secret={{ id: 'secret', label: '查询码或手机号码后四位', placeholder: '6 位查询码，或手机号后 4 位', initial: initial?.queryCode ?? '' }}
        secretPattern={/^(\d{4}|\d{6})$/}
        secretProblem="请填写 6 位数字的查询码，或手机号码的后四位"
        query={query}
      />
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
            <p className="hint waiting">{words.waiting}</p>
          )}
        </section>
      )}
    </>
  );
}
