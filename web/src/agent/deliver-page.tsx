/**
 * 待回复: results back from above (and certificates finished on the spot) still to be told and handed over. Each
 * card carries the villager's phone in full as a tap-to-call link — the agent's job here is to call them — and the
 * reply deadline (the hand-back limit, rule 9), red once it has passed.
 */
import { useState } from 'react';
import { changedMeanwhile, isNetworkProblem, problemText, STEP_MAYBE_SENT } from './api';
import { DeliverAction } from './case-page';
import { chineseDate, chineseDayTime } from './format';
import { actOn, listToReply, type ReplyCase } from './model';
import { BASE, Link } from './router';
import { outcomeName } from './words';
import { Alert, casesChanged, Empty, LoadFailed, Loading, useLoad } from './ui';

const outcomeText = (c: ReplyCase) => outcomeName(c) || c.statusName;

/** 138 0000 1234: easier to read out and to check against what the villager says. */
const spaced = (phone: string) => (/^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone);

export function DeliverPage() {
  const [round, setRound] = useState(0);
  const loaded = useLoad(`to-reply:${round}`, () => listToReply());
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error' | 'warn'; text: string } | null>(null);

  async function deliver(c: ReplyCase, at: string | undefined) {
    setNotice(null);
    try {
      await actOn(c, 'deliver', { method: 'agent', ...(at ? { at } : {}) });
      setNotice({ tone: 'ok', text: `已记录：${c.applicant.name}的“${c.itemName}”已告知并交付。` });
      casesChanged();
    } catch (error) {
      if (changedMeanwhile(error)) {
        setNotice({ tone: 'warn', text: '这件办件刚刚有了变化，列表已刷新为最新情况，请核对后再操作。' });
      } else if (isNetworkProblem(error)) {
        setNotice({ tone: 'error', text: STEP_MAYBE_SENT });
        return;
      } else setNotice({ tone: 'error', text: problemText(error) });
    }
    setRound((r) => r + 1);
  }

  return (
    <div>
      <h1>待回复</h1>
      <p className="muted">结果已经回到村里。请打电话通知群众，告知结果、交付证件或批复后，点“已告知并交付”。</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {loaded.error && !loaded.data ? (
        <LoadFailed error={loaded.error} retry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <Empty>没有等待回复的办件。</Empty>
      ) : (
        <ul className="case-list">
          {loaded.data.map((c) => (
            <li key={c.id} className="case-card case-card-static" data-testid="deliver-card">
              <Link className="case-card-link" to={`${BASE}/cases/${encodeURIComponent(c.id)}`}>
                <span className="case-card-top">
                  <span className="case-card-name">{c.applicant.name}</span>
                  <span className={c.outcome === 'denied' ? 'stage stage-off' : 'stage stage-done'}>{outcomeText(c)}</span>
                </span>
                <span className="case-card-item">{c.itemName}</span>
                <span className="case-card-meta">
                  {c.caseNo}
                  {c.resultNo ? ` · 结果编号 ${c.resultNo}` : ''}
                </span>
              </Link>
              <p className={c.replyLate ? 'reply-due reply-late' : 'reply-due'} data-testid="reply-due">
                {c.replyDueAt
                  ? c.replyLate
                    ? `已超过回复期限（${chineseDayTime(c.replyDueAt)}），请马上回复`
                    : `请在 ${chineseDayTime(c.replyDueAt)} 前回复`
                  : `${chineseDate(c.createdAt)}当场办结，请尽快交付`}
              </p>
              <a className="btn btn-call btn-block" href={`tel:${c.applicant.phone}`} aria-label={`拨打 ${c.applicant.name} 的电话 ${c.applicant.phone}`}>
                <svg viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
                </svg>
                拨打 {spaced(c.applicant.phone)}
              </a>
              <DeliverAction onDone={(at) => deliver(c, at)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
