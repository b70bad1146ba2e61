import { useEffect, useState } from 'react';
import { NoticeDocument } from '@shared/notices/notice-document';
import { myCasePaper, type ApplicantPrintedPaper } from './applications-api';
import './case-paper.css';

/**
 * One paper of the applicant's case (/account/cases/<caseNo>/papers/<printId>): the sheet exactly as the center
 * printed it, by the console's own renderer (web/src/shared/notices), readable on a phone, and on A4 with 打印 /
 * 保存为PDF (the browser's print, where "save as PDF" is one of the printers). Only the sheet goes on the paper.
 */
export function CasePaperPage({ caseNo, printId }: { caseNo: string; printId: string }) {
  const [paper, setPaper] = useState<ApplicantPrintedPaper | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void myCasePaper(caseNo, printId).then((answer) => (answer.ok ? setPaper(answer.value) : setProblem(answer.title)));
  }, [caseNo, printId]);
  useEffect(() => {
    // printing this page prints the sheet alone (case-paper.css)
    document.documentElement.classList.add('paper-view');
    return () => document.documentElement.classList.remove('paper-view');
  }, []);
  if (problem) return <p className="problem" role="alert">{problem}</p>;
  if (!paper) return <p className="lead">正在读取…</p>;
  const printedOn = new Date(paper.printedAt);
  return (
    <>
      <div className="paper-actions">
        <p className="lead">
          {paper.issuerName ? `${paper.issuerName}于` : ''}
          {`${printedOn.getFullYear()}年${printedOn.getMonth() + 1}月${printedOn.getDate()}日`}出具，以下是当时打印的内容。
        </p>
        <button type="button" onClick={() => window.print()}>
          打印 / 保存为PDF
        </button>
        <p className="hint">在打印窗口里选择打印机，或选择“另存为 PDF”保存到手机、电脑。</p>
      </div>
      <div className="my-paper">
        <NoticeDocument p={paper.content} />
      </div>
    </>
  );
}
