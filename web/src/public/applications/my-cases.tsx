import { useEffect, useState } from 'react';
import { myCases, type Progress } from './applications-api';

const day = (iso: string | null) => {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};
const FINISHED = ['completed', 'delivered'];

/**
 * The applicant's cases however they were received (window, village agent, online): where each stands, the latest
 * step, and the ways on — the progress page (where a finished case is rated) and a complaint about it.
 */
export function MyCases() {
  const [cases, setCases] = useState<Progress[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void myCases().then((answer) => (answer.ok ? setCases(answer.value.cases) : setProblem(answer.title)));
  }, []);
  if (problem) return <p className="problem">{problem}</p>;
  if (!cases) return <p className="lead">正在读取…</p>;
  if (cases.length === 0) return <p>没有登记在您名下的办件（按证件号码和手机号码查找）。</p>;
  return (
    <ul className="my-cases" data-testid="my-cases">
      {cases.map((c) => {
        const latest = c.timeline.at(-1);
        return (
          <li key={c.caseNo}>
            <strong>{c.itemName}</strong>
            <span className={`status-line ${FINISHED.includes(c.status) ? 'status-accepted' : ''}`}>{c.statusName}</span>
            <small>
              办件编号 {c.caseNo}
              {c.dueAt && !FINISHED.includes(c.status) && ` · ${day(c.dueAt)}前办结${c.dueProvisional ? '（暂定）' : ''}`}
            </small>
            {latest && <small>最新：{latest.text}</small>}
            <span className="case-links">
              <a href={`/progress?caseNo=${encodeURIComponent(c.caseNo)}`}>{FINISHED.includes(c.status) ? '查看进度、评价' : '查看进度'}</a>
              <a href={`/complaint?caseNo=${encodeURIComponent(c.caseNo)}`}>投诉</a>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
