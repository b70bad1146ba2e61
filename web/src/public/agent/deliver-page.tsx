/** 待回复: results back from above (and certificates finished on the spot) still to be told and handed over. */
import { useState } from 'react';
import { isNetworkProblem, isProblem, problemText } from './api';
import { DeliverAction } from './case-page';
import { chineseDate } from './format';
import { actOn, listCases, type CaseSummary } from './model';
import { BASE, Link } from './router';
import { Alert, casesChanged, Empty, LoadFailed, Loading, useLoad } from './ui';
import { outcomeName } from './words';

export function DeliverPage() {
  const [round, setRound] = useState(0);
  const loaded = useLoad(`to-deliver:${round}`, () => listCases({ view: 'to-deliver', pageSize: 100 }));
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error' | 'warn'; text: string } | null>(null);

  async function deliver(c: CaseSummary, at: string | undefined) {
    setNotice(null);
    try {
      await actOn(c, 'deliver', { method: 'agent', ...(at ? { at } : {}) });
      setNotice({ tone: 'ok', text: `已记录：${c.applicant.name}的“${c.itemName}”已告知并交付。` });
      casesChanged();
    } catch (error) {
      if (isProblem(error) && error.code === 'VERSION_CONFLICT') {
        setNotice({ tone: 'warn', text: '这件办件刚刚被别人办理过，列表已刷新为最新情况，请核对后再操作。' });
      } else if (isNetworkProblem(error)) {
        setNotice({ tone: 'error', text: '网络连接失败，这一步没有提交。请恢复网络后再点一次。' });
        return;
      } else setNotice({ tone: 'error', text: problemText(error) });
    }
    setRound((r) => r + 1);
  }

  return (
    <div>
      <h1>待回复</h1>
      <p className="muted">上级办结的结果已经回到村里。请及时通知群众，告知结果、交付证件或批复后，点“已告知并交付”。</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {loaded.error && !loaded.data ? (
        <LoadFailed error={loaded.error} retry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.cases.length === 0 ? (
        <Empty>没有等待回复的办件。</Empty>
      ) : (
        <ul className="case-list">
          {loaded.data.cases.map((c) => (
            <li key={c.id} className="case-card case-card-static" data-testid="deliver-card">
              <Link className="case-card-link" to={`${BASE}/cases/${encodeURIComponent(c.id)}`}>
                <span className="case-card-top">
                  <span className="case-card-name">{c.applicant.name}</span>
                  <span className={c.outcome === 'denied' ? 'stage stage-off' : 'stage stage-done'}>{outcomeName(c) || c.statusName}</span>
                </span>
                <span className="case-card-item">{c.itemName}</span>
                <span className="case-card-meta">
                  {c.caseNo}
                  {c.resultNo ? ` · 结果编号 ${c.resultNo}` : ''} · 电话 {c.applicant.phone}
                </span>
                <span className="case-card-meta">登记于 {chineseDate(c.createdAt)}</span>
              </Link>
              <DeliverAction onDone={(at) => deliver(c, at)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
