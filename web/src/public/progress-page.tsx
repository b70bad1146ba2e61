import { useRef, useState, type FormEvent } from 'react';
import { normalizeCaseNo } from '@domain/cases/case-number';
import { getProgress, type Progress, type ProgressAnswer } from './get-progress';
import { ProgressResult } from './progress-result';
import { RatingForm } from './rating-form';
import { PublicPage } from './public-page';

const MESSAGES: Record<Exclude<ProgressAnswer['kind'], 'found'>, string> = {
  'not-found': '未查到该办件，请核对办件编号和电话后四位',
  'too-many': '查询过于频繁，请一分钟后再试',
  network: '网络连接失败，请检查手机网络后再点“查询”；已填写的内容不会丢失',
  server: '系统暂时无法查询，请稍后再试，或拨打通知书上的电话咨询',
};

const initialCaseNo = () => normalizeCaseNo(new URLSearchParams(window.location.search).get('caseNo') ?? '');

/** 办件进度查询: case number (from the QR code on the notice) and the last four digits of the phone. */
export function ProgressPage() {
  const [caseNo, setCaseNo] = useState(initialCaseNo);
  const [phone4, setPhone4] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const phoneRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // the number as printed, however it was typed (no hyphens, full-width dashes, spaces, lower case)
    const no = normalizeCaseNo(caseNo);
    setCaseNo(no);
    if (!no) {
      setProblem('请填写办件编号（在办件通知书上）');
      return;
    }
    if (!/^\d{4}$/.test(phone4)) {
      setProblem('请填写登记电话的后四位数字');
      phoneRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await getProgress(no, phone4);
    setBusy(false);
    if (answer.kind === 'found') {
      setProgress(answer.progress);
    } else {
      // keep what was typed; an old result would look like the answer to this question, so it goes
      setProgress(null);
      setProblem(MESSAGES[answer.kind]);
    }
  }

  return (
    <PublicPage>
      <h1>办件进度查询</h1>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="caseNo">办件编号</label>
        <input
          id="caseNo"
          name="caseNo"
          value={caseNo}
          onChange={(e) => setCaseNo(e.target.value)}
          onBlur={() => setCaseNo(normalizeCaseNo(caseNo))}
          placeholder="见办件通知书，如 410899101-20260302-0001"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          inputMode="text"
          autoFocus={!caseNo}
        />
        <label htmlFor="phone4">登记电话后四位</label>
        <input
          id="phone4"
          name="phone4"
          ref={phoneRef}
          value={phone4}
          onChange={(e) => setPhone4(e.target.value.normalize('NFKC').replace(/\D/g, '').slice(0, 4))}
          placeholder="办理时登记的手机号码后四位"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={4}
          autoComplete="off"
          autoFocus={Boolean(caseNo)}
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
      {progress && <ProgressResult progress={progress} />}
      {progress && (progress.status === 'completed' || progress.status === 'delivered') && <RatingForm key={progress.caseNo} caseRef={{ caseNo: progress.caseNo, phone4 }} showCase={false} />}
      <footer className="footer">本页只显示办理进度，不显示任何个人信息。如有疑问，请拨打办件通知书上的咨询电话。</footer>
    </PublicPage>
  );
}
