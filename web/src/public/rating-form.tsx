/**
 * The rating of a finished case on a phone: five faces with their names, an optional comment, submit, thanks. Used by
 * the rate page (QR code, SMS link) and under the progress page's result.
 */
import { useEffect, useState } from 'react';
import { LEVEL_NAMES, LEVELS, isBadLevel, type Level } from '@domain/evaluation/levels';
import { RatingFace } from '@shared/rating-face';
import { chineseDate } from './format';
import { getOffer, submitRating, type CaseRef, type RatingOffer } from './rate-api';

export function RatingForm({ caseRef, showCase }: { caseRef: CaseRef; showCase: boolean }) {
  const [offer, setOffer] = useState<RatingOffer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [level, setLevel] = useState<Level | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [thanks, setThanks] = useState<string | null>(null);
  const refKey = JSON.stringify(caseRef);

  useEffect(() => {
    let stop = false;
    void getOffer(JSON.parse(refKey) as CaseRef).then((answer) => {
      if (stop) return;
      if ('offer' in answer) setOffer(answer.offer);
      else {
        setProblem(answer.problem);
        setNotFound(answer.notFound === true);
      }
    });
    return () => {
      stop = true;
    };
  }, [refKey]);

  // a choice answers 请先点选一个满意程度, and a new choice is a new try: the old refusal no longer applies
  function choose(l: Level) {
    setLevel(l);
    setProblem(null);
  }

  async function submit() {
    if (!level) {
      setProblem('请先点选一个满意程度。');
      return;
    }
    setBusy(true);
    setProblem(null);
    const r = await submitRating(caseRef, level, comment);
    setBusy(false);
    if (r.ok) setThanks(r.levelName);
    else {
      setProblem(r.problem);
      if (r.done) setOffer((o) => (o ? { ...o, ratable: false } : o));
    }
  }

  if (thanks) {
    return (
      <section className="card rate-card" aria-live="polite">
        <h2 className="rate-title">感谢您的评价！</h2>
        <p>您的评价：{thanks}。我们会认真听取您的意见，不断改进服务。</p>
      </section>
    );
  }
  if (!offer) {
    // a link naming no case (opened from the QR code or SMS): show where to look it up instead, as a bare /rate does
    if (notFound && 'token' in caseRef) {
      return (
        <p className="problem" role="alert">
          未找到该办件：请重新扫描办结通知书上的二维码，或在 <a href="/progress">办件进度查询</a> 中用办件编号和电话后四位查询。
        </p>
      );
    }
    return problem ? <p className="problem" role="alert">{problem}</p> : <p className="hint">正在打开评价…</p>;
  }
  return (
    <section className="card rate-card">
      {showCase && (
        <div className="rate-case">
          <strong>{offer.itemName}</strong>
          <span>办件编号：{offer.caseNo}</span>
          <span>{offer.centerName}</span>
        </div>
      )}
      {offer.rated && !offer.rated.isDefault ? (
        <p className="hint">
          您已于{chineseDate(offer.rated.ratedAt)}评价：{offer.rated.levelName}。每件事只能评价一次，感谢您的评价！
        </p>
      ) : !offer.ratable ? (
        <p className="hint">{offer.notRatableReason ?? '该办件暂时不能评价。'}</p>
      ) : (
        <>
          <h2 className="rate-title">请您为本次服务评价</h2>
          {offer.rated?.isDefault && <p className="hint">您没有在 7 天内评价，系统已默认记为“基本满意”；现在评价将以您的评价为准。</p>}
          <div className="rate-faces" role="radiogroup" aria-label="满意程度">
            {LEVELS.map((l) => (
              <button key={l} type="button" role="radio" aria-checked={level === l} className={`rate-face${level === l ? ' rate-face-on' : ''}`} onClick={() => choose(l)}>
                <RatingFace level={l} size={40} />
                <span>{LEVEL_NAMES[l]}</span>
              </button>
            ))}
          </div>
          <label htmlFor="rate-comment">{level && isBadLevel(level) ? '请告诉我们哪里不满意（中心会回访整改）' : '您的意见（可不填）'}</label>
          <textarea id="rate-comment" value={comment} onChange={(e) => setComment(e.target.value.slice(0, 500))} rows={3} maxLength={500} />
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <button type="button" disabled={busy} onClick={() => void submit()}>
            {busy ? '正在提交…' : '提交评价'}
          </button>
          <p className="hint rate-privacy">您的评价如实记录，用于改进服务和考核窗口；不满意的，中心会回访并整改。</p>
        </>
      )}
    </section>
  );
}
