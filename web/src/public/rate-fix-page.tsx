/**
 * 评价整改结果 (/rate-fix?t=…): opened from the SMS that tells the rater of a 差评 how it was rectified. Shows the
 * outcome, three choices (满意 / 基本满意 / 不满意) and thanks; once rated, what was said. No personal data.
 */
import { useEffect, useState } from 'react';
import { FIX_LEVELS, LEVEL_NAMES, type FixLevel } from '@domain/evaluation/levels';
import { createApiClient, isApiError } from '@shared/api-client';
import { RatingFace } from '@shared/rating-face';
import { chineseDate } from './format';
import { PublicPage } from './public-page';

interface FixPage {
  caseNo: string;
  itemName: string;
  centerName: string;
  outcome: string;
  rectifiedAt: string;
  canRate: boolean;
  fixLevel: FixLevel | null;
}

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

function FixForm({ token }: { token: string }) {
  const [page, setPage] = useState<FixPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [level, setLevel] = useState<FixLevel | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [thanks, setThanks] = useState(false);

  useEffect(() => {
    let stop = false;
    client
      .request<FixPage>('/public/rate-fix', { query: { t: token }, quiet401: true })
      .then((p) => !stop && setPage(p))
      .catch((e: unknown) => !stop && setProblem(isApiError(e) ? e.title : '系统暂时无法打开，请稍后再试。'));
    return () => {
      stop = true;
    };
  }, [token]);

  async function submit() {
    if (!level) return setProblem('请先点选您对整改结果的评价。');
    setBusy(true);
    setProblem(null);
    try {
      await client.request('/public/rate-fix', { method: 'POST', body: { token, level, comment: comment.trim() || undefined }, quiet401: true });
      setThanks(true);
    } catch (e) {
      setProblem(isApiError(e) ? e.title : '评价没有提交成功，请再点一次“提交评价”。');
    } finally {
      setBusy(false);
    }
  }

  if (thanks) {
    return (
      <section className="card rate-card" aria-live="polite">
        <h2 className="rate-title">感谢您的评价！</h2>
        <p>您对整改结果的评价：{LEVEL_NAMES[level!]}。我们会继续改进服务。</p>
      </section>
    );
  }
  if (!page) return problem ? <p className="problem" role="alert">{problem}</p> : <p className="hint">正在打开…</p>;
  return (
    <section className="card rate-card">
      <div className="rate-case">
        <strong>{page.itemName}</strong>
        <span>办件编号：{page.caseNo}</span>
        <span>{page.centerName}</span>
      </div>
      <h2 className="rate-title">整改结果</h2>
      <p data-testid="fix-outcome">{page.outcome}</p>
      <p className="hint">{chineseDate(page.rectifiedAt)}告知</p>
      {!page.canRate ? (
        <p className="hint">{page.fixLevel ? `您已评价整改结果：${LEVEL_NAMES[page.fixLevel]}。感谢您的评价！` : '该整改工单已办结。'}</p>
      ) : (
        <>
          <h2 className="rate-title">您对整改结果是否满意？</h2>
          <div className="rate-faces rate-faces-three" role="radiogroup" aria-label="对整改结果的评价">
            {FIX_LEVELS.map((l) => (
              <button key={l} type="button" role="radio" aria-checked={level === l} className={`rate-face${level === l ? ' rate-face-on' : ''}`} onClick={() => {
                  // a choice answers 请先点选…: the hint goes with it
                  setLevel(l);
                  setProblem(null);
                }}
              >
                <RatingFace level={l} size={40} />
                <span>{LEVEL_NAMES[l]}</span>
              </button>
            ))}
          </div>
          <label htmlFor="fix-comment">您的意见（可不填）</label>
          <textarea id="fix-comment" value={comment} onChange={(e) => setComment(e.target.value.slice(0, 300))} rows={3} maxLength={300} />
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <button type="button" disabled={busy} onClick={() => void submit()}>
            {busy ? '正在提交…' : '提交评价'}
          </button>
        </>
      )}
    </section>
  );
}

export function RateFixPage() {
  const token = new URLSearchParams(window.location.search).get('t') ?? '';
  return (
    <PublicPage>
      <h1>评价整改结果</h1>
      {token ? (
        <FixForm token={token} />
      ) : (
        <p className="problem" role="alert">
          链接不完整：请从短信中的链接打开。
        </p>
      )}
      <footer className="footer">您的评价记录在案，用于改进服务。评价不显示您的个人信息。</footer>
    </PublicPage>
  );
}
