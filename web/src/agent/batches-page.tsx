/**
 * 集中报送: the weekly batch to the township (Mondays, or the next working day), the cases waiting for it, each
 * of which can go at once as 急件, and the batches already sent, each with its printable 报送清单.
 */
import { useState, type ReactNode } from 'react';
import { changedMeanwhile, isNetworkProblem, newKey, problemText } from './api';
import { chineseDateTime, chineseDay } from './format';
import { actOn, getNextBatch, listBatches, listCases, sendBatch } from './model';
import { BASE, Link, navigate } from './router';
import { Alert, casesChanged, ConfirmButton, Empty, LoadFailed, Loading, useLoad } from './ui';

export function BatchesPage() {
  const [round, setRound] = useState(0);
  const next = useLoad(`next-batch:${round}`, getNextBatch);
  const waiting = useLoad(`to-forward:${round}`, () => listCases({ view: 'to-forward', pageSize: 100 }));
  const batches = useLoad(`batches:${round}`, listBatches);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error' | 'warn'; text: ReactNode } | null>(null);
  // one key per batch the agent means to send: a retry after a lost answer cannot send twice
  const [batchKey, setBatchKey] = useState(newKey);

  const refresh = () => setRound((r) => r + 1);
  // 12月14日 big, 星期一 below it: the day whole on a 390px phone
  const [monthDay, weekday] = chineseDay(next.data?.batchDay).slice(0, -1).split('（');
  const count = waiting.data?.total ?? next.data?.waiting ?? 0;

  async function send() {
    setNotice(null);
    try {
      const batch = await sendBatch(batchKey);
      setBatchKey(newKey());
      navigate(`${BASE}/batches/${encodeURIComponent(batch.id)}?sent=1`);
    } catch (error) {
      if (isNetworkProblem(error)) setNotice({ tone: 'error', text: '网络连接失败，批次没有发出。请恢复网络后再点一次（不会重复报送）。' });
      else {
        setBatchKey(newKey());
        setNotice({ tone: 'error', text: problemText(error) });
        refresh();
      }
    }
  }

  async function urgent(c: { id: string; version: number; caseNo: string }) {
    setNotice(null);
    try {
      await actOn(c, 'forward', { urgent: true });
      setNotice({
        tone: 'ok',
        text: (
          <>
            <span className="case-no-inline">{c.caseNo}</span> 已作为急件报送乡镇便民服务中心。
          </>
        ),
      });
      casesChanged();
    } catch (error) {
      if (changedMeanwhile(error)) {
        setNotice({ tone: 'warn', text: '这件办件刚刚有了变化，列表已刷新为最新情况，请核对后再操作。' });
      } else if (isNetworkProblem(error)) {
        setNotice({ tone: 'error', text: '网络连接失败，急件可能没有报送成功。请恢复网络后再点一次（不会重复报送）。' });
        return;
      } else setNotice({ tone: 'error', text: problemText(error) });
    }
    refresh();
  }

  return (
    <div>
      <h1>集中报送</h1>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}

      <section className="card batch-next">
        {next.error && !next.data ? (
          <LoadFailed error={next.error} retry={next.reload} />
        ) : (
          <>
            <div className="big-numbers">
              <div>
                {/* on the batch day, until this week's batch is sent, it goes today */}
                <span className="big-label">{next.data?.batchToday ? '本周报送日' : '下次报送日'}</span>
                <strong className="big-value" data-testid="batch-day">
                  {next.data ? (next.data.batchToday ? '今天' : monthDay) : '…'}
                </strong>
                {next.data && <span className="big-label">{next.data.batchToday ? `${monthDay} ${weekday}` : weekday}</span>}
              </div>
              <div>
                <span className="big-label">等待报送</span>
                <strong className="big-value" data-testid="batch-waiting">
                  {waiting.data || next.data ? `${count} 件` : '…'}
                </strong>
              </div>
            </div>
            <p className="muted">普通件每周一（遇节假日顺延到下一个工作日）集中报送到乡镇便民服务中心；急件随收随报。</p>
            <ConfirmButton
              label="发送本周报送批次"
              className="btn btn-primary btn-block"
              disabled={count === 0}
              question={`把等待报送的 ${count} 件一起报送乡镇便民服务中心？发送后请打印报送清单，随材料一起移交。`}
              confirmLabel="确认发送"
              busyLabel="正在发送…"
              onConfirm={send}
            />
          </>
        )}
      </section>

      <h2>等待报送的办件</h2>
      {waiting.error && !waiting.data ? (
        <LoadFailed error={waiting.error} retry={waiting.reload} />
      ) : !waiting.data ? (
        <Loading />
      ) : waiting.data.cases.length === 0 ? (
        <Empty>没有等待报送的办件。</Empty>
      ) : (
        <ul className="case-list">
          {waiting.data.cases.map((c) => (
            <li key={c.id} className="case-card case-card-static">
              <Link className="case-card-link" to={`${BASE}/cases/${encodeURIComponent(c.id)}`}>
                <span className="case-card-top">
                  <span className="case-card-name">{c.applicant.name}</span>
                </span>
                <span className="case-card-item">{c.itemName}</span>
                <span className="case-card-meta">{c.caseNo}</span>
              </Link>
              <ConfirmButton
                label="急件立即报送"
                className="btn btn-warn"
                question={`把“${c.itemName}”（${c.applicant.name}）作为急件立即单独报送？`}
                confirmLabel="确认急件报送"
                onConfirm={() => urgent(c)}
              />
            </li>
          ))}
        </ul>
      )}

      <h2>报送记录</h2>
      {batches.error && !batches.data ? (
        <LoadFailed error={batches.error} retry={batches.reload} />
      ) : !batches.data ? (
        <Loading />
      ) : batches.data.length === 0 ? (
        <Empty>还没有报送过批次。</Empty>
      ) : (
        <ul className="case-list">
          {batches.data.map((b) => (
            <li key={b.id}>
              <Link className="case-card" to={`${BASE}/batches/${encodeURIComponent(b.id)}`}>
                <span className="case-card-top">
                  <span className="case-card-name">{b.batchNo}</span>
                  <span className={b.receivedAt ? 'stage stage-done' : 'stage stage-go'}>{b.receivedAt ? '乡镇已接收' : '待乡镇接收'}</span>
                </span>
                <span className="case-card-item">
                  {chineseDateTime(b.sentAt)} 报送 {b.caseCount} 件
                </span>
                <span className="case-card-meta">点此查看、打印报送清单</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
