import { useState } from 'react';
import { signOut, type ApplicantView } from './account-api';
import { MyApplications } from '../applications/my-applications';
import { MyCases } from '../applications/my-cases';
import { FormProblem } from './fields';

const METHOD: Record<'gb11643' | 'gb32100', string> = {
  gb11643: '身份证号码已通过校验（号码格式、出生日期和校验位）',
  gb32100: '统一社会信用代码已通过校验（代码格式和校验位）',
};

const dateText = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

/** 我的: who is signed in (masked: the phone may be lent), 我的办件 (the online applications), and 退出. */
export function MePage({
  applicant,
  onSignedOut,
  onOpenApplication,
  onOpenPaper,
  onOpenAppointments,
}: {
  applicant: ApplicantView;
  onSignedOut: () => void;
  onOpenApplication: (id: string) => void;
  onOpenPaper: (caseNo: string, printId: string) => void;
  onOpenAppointments?: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function leave() {
    setBusy(true);
    const answer = await signOut();
    setBusy(false);
    if (answer.ok) onSignedOut();
    else setProblem(answer.failure.title);
  }

  return (
    <>
      <section className="card me" data-testid="me">
        <p className="me-name">
          <span className="me-kind">{applicant.kind === 'person' ? '个人' : '企业或单位'}</span>
          <strong data-testid="me-name">{applicant.nameMasked}</strong>
        </p>
        <dl className="me-facts">
          <div>
            <dt>手机号码</dt>
            <dd data-testid="me-phone">{applicant.phoneMasked}</dd>
          </div>
          <div>
            <dt>{applicant.kind === 'person' ? '身份证号码' : '统一社会信用代码'}</dt>
            <dd data-testid="me-number">{applicant.numberMasked}</dd>
          </div>
          <div>
            <dt>注册时间</dt>
            <dd>{dateText(applicant.createdAt)}</dd>
          </div>
        </dl>
        {applicant.realNameVerified && applicant.realNameMethod && <p className="me-verified">✓ {METHOD[applicant.realNameMethod]}</p>}
      </section>
      <section className="card mine">
        <h2>我的办件</h2>
        <h3>网上申请</h3>
        <MyApplications onOpen={onOpenApplication} />
        <h3>办件</h3>
        <MyCases onOpenPaper={onOpenPaper} />
        <p className="link-row">
          <a href="/progress">查询办件进度</a>
        </p>
        <p className="link-row">
          <a
            href="/account/appointments"
            onClick={(e) => {
              if (!onOpenAppointments) return;
              e.preventDefault();
              onOpenAppointments();
            }}
          >
            预约到大厅办事
          </a>
        </p>
      </section>
      <FormProblem>{problem}</FormProblem>
      <button type="button" className="secondary" onClick={() => void leave()} disabled={busy}>
        {busy ? '正在退出…' : '退出登录'}
      </button>
    </>
  );
}
