import { useEffect, useState } from 'react';
import { myCasePapers, myCases, type ApplicantPaper, type Progress } from './applications-api';

const day = (iso: string | null) => {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};
const FINISHED = ['completed', 'delivered'];

/**
 * The applicant's cases however they were received (window, village agent, online): where each stands, the latest
 * step, and the ways on — the progress page (where a finished case is rated), a complaint about it, and the
 * papers (文书) the center printed for it, each opening as the sheet the center printed.
 */
export function MyCases({ onOpenPaper }: { onOpenPaper: (caseNo: string, printId: string) => void }) {
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
            <CasePapers caseNo={c.caseNo} onOpen={(printId) => onOpenPaper(c.caseNo, printId)} />
          </li>
        );
      })}
    </ul>
  );
}

/** 文书 of one case: read when opened (most people never open them), each a link to the sheet as printed. */
function CasePapers({ caseNo, onOpen }: { caseNo: string; onOpen: (printId: string) => void }) {
  const [papers, setPapers] = useState<ApplicantPaper[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    if (papers || problem) return;
    void myCasePapers(caseNo).then((answer) => (answer.ok ? setPapers(answer.value.papers) : setProblem(answer.title)));
  };
  return (
    <details className="case-papers" onToggle={(e) => e.currentTarget.open && load()}>
      <summary>文书（通知书、告知书）</summary>
      {problem ? (
        <p className="problem">{problem}</p>
      ) : !papers ? (
        <p className="lead">正在读取…</p>
      ) : papers.length === 0 ? (
        <p>中心还没有为这件事出具文书。受理、补正、退回、办结时窗口打印的通知书会显示在这里。</p>
      ) : (
        <ul data-testid="case-papers">
          {papers.map((p) => (
            <li key={p.id}>
              <a
                href={`/account/cases/${encodeURIComponent(caseNo)}/papers/${encodeURIComponent(p.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(p.id);
                }}
              >
                {p.title}
              </a>
              <small>
                {p.issuerName ? `${p.issuerName} · ` : ''}
                {day(p.printedAt)}出具
              </small>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
