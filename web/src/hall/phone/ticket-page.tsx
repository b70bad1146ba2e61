/**
 * 排队进度 (/hall/ticket/<token>, the QR code on the paper ticket and the page a phone's number opens): the number,
 * the service, how many are ahead; when called, which window, plainly and large. Read again every few seconds
 * while the page is in sight, and at once when the phone comes back to it.
 */
import { useEffect, useState } from 'react';
import { isApiError } from '@shared/api-client';
import { clockOf, fetchPosition, type TicketPosition } from '../hall-api';

const POLL_MS = 10_000;

type Loaded = { kind: 'loading' } | { kind: 'ok'; position: TicketPosition; at: Date } | { kind: 'gone' } | { kind: 'failed'; problem: string; last: TicketPosition | null };

function Status({ position }: { position: TicketPosition }) {
  switch (position.status) {
    case 'waiting':
      return (
        <div className="status" data-testid="ticket-status">
          <span className="status-label">前面还有</span>
          <strong className="status-name key-figure">{position.ahead} 人</strong>
        </div>
      );
    case 'called':
      return (
        <div className="status hall-called" data-testid="ticket-status" role="alert">
          <strong className="status-name">请到 {position.windowName ?? '窗口'} 办理</strong>
          {position.calledAt && <span className="status-label">{clockOf(position.calledAt)} 叫号</span>}
        </div>
      );
    case 'serving':
      return (
        <div className="status status-done" data-testid="ticket-status">
          <strong className="status-name">正在 {position.windowName ?? '窗口'} 办理</strong>
        </div>
      );
    case 'finished':
      return (
        <div className="status status-done" data-testid="ticket-status">
          <strong className="status-name">已办结，感谢您的耐心</strong>
        </div>
      );
    case 'no_show':
      return (
        <div className="status hall-missed" data-testid="ticket-status">
          <strong className="status-name">已过号</strong>
          <span className="status-label">请到服务台说明，工作人员会为您重新排队</span>
        </div>
      );
    case 'cancelled':
      return (
        <div className="status hall-missed" data-testid="ticket-status">
          <strong className="status-name">此号已取消</strong>
          <span className="status-label">如需办理请重新取号</span>
        </div>
      );
  }
}

const settled = (p: TicketPosition) => p.status === 'finished' || p.status === 'cancelled';

export function TicketPage({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    document.title = '排队进度 · 便民服务平台';
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: TicketPosition | null = null;
    const read = () => {
      clearTimeout(timer);
      const controller = new AbortController();
      fetchPosition(token, controller.signal).then(
        (position) => {
          if (stop) return;
          last = position;
          setLoaded({ kind: 'ok', position, at: new Date() });
          if (!settled(position)) timer = setTimeout(read, POLL_MS);
        },
        (error: unknown) => {
          if (stop) return;
          if (isApiError(error) && error.status === 404) return setLoaded({ kind: 'gone' });
          setLoaded({ kind: 'failed', problem: isApiError(error) && !error.network ? error.title : '网络不稳定，正在重新读取…', last });
          timer = setTimeout(read, POLL_MS);
        },
      );
    };
    read();
    const back = () => {
      if (document.visibilityState === 'visible' && !stop) read();
    };
    document.addEventListener('visibilitychange', back);
    return () => {
      stop = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', back);
    };
  }, [token]);

  if (loaded.kind === 'loading') return <p className="hint">正在读取排队进度…</p>;
  if (loaded.kind === 'gone') {
    return (
      <>
        <h1>排队进度</h1>
        <p className="problem">没有找到这个号，可能已过了当天。请重新取号或到服务台咨询。</p>
      </>
    );
  }
  const position = loaded.kind === 'ok' ? loaded.position : loaded.last;
  return (
    <>
      <h1>排队进度</h1>
      {loaded.kind === 'failed' && (
        <p className="problem" role="status">
          {loaded.problem}
        </p>
      )}
      {position && (
        <section className="result" aria-live="polite">
          <p className="result-no">{position.orgName}</p>
          <p className="hall-ticket-number" data-testid="ticket-number">
            {position.number}
          </p>
          <p className="result-item">{position.serviceName}</p>
          <Status position={position} />
          {position.status === 'waiting' && <p className="hint">叫号时大厅屏幕会显示并语音播报，请在附近等候；本页会自动刷新。</p>}
          {loaded.kind === 'ok' && <p className="footer">更新于 {clockOf(loaded.at)}</p>}
        </section>
      )}
    </>
  );
}
