/**
 * 叫号显示屏 (/hall/display/<orgId>): the hall's 1920 × 1080 screen. The number called and its window, large; a
 * chime and the call said aloud in Mandarin; the last calls; how many wait per service; the date, the clock and the
 * leader on duty; the center's notices. Fed by the display stream; says so while the connection is cut.
 */
import { useEffect, useMemo, useState } from 'react';
import { createAnnouncer, soundAllowed, unlockSound, watchSound } from './announce';
import { useDisplayStream } from './display-stream';
import { clockOf, dayLine, type HallCall } from './hall-api';

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function Display({ orgId }: { orgId: string }) {
  const [announced, setAnnounced] = useState<string>('');
  const [flash, setFlash] = useState<string | null>(null);
  const announce = useMemo(() => createAnnouncer(setAnnounced), []);
  const [sound, setSound] = useState(soundAllowed);
  const { state, connection } = useDisplayStream(orgId, (call: HallCall) => {
    setFlash(`${call.ticketId}:${call.calledAt}`);
    announce(call.text);
  });
  const now = useClock();
  useEffect(() => watchSound(setSound), []);

  useEffect(() => {
    document.title = state ? `叫号显示 · ${state.orgName}` : '叫号显示 · 便民服务平台';
  }, [state]);

  // a new call blinks for a few seconds
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 6000);
    return () => clearTimeout(timer);
  }, [flash]);

  const current = state?.current ?? null;
  const earlier = (state?.calls ?? []).filter((c) => !current || c.ticketId !== current.ticketId || c.calledAt !== current.calledAt).slice(0, 7);

  return (
    <div
      className="display"
      onClick={() => {
        if (!sound) void unlockSound().then(setSound);
      }}
    >
      <header className="display-header">
        <div className="display-org">{state?.orgName ?? '便民服务中心'}</div>
        <div className="display-day">
          <span>{state ? dayLine(state.date) : ''}</span>
          <span className="display-clock">{clockOf(now)}</span>
        </div>
        <div className="display-duty" data-testid="display-duty">
          今日值班领导：{state?.dutyLeader ? state.dutyLeader.name : '—'}
        </div>
      </header>
      {connection === 'cut' && (
        <div className="display-badge" role="status" data-testid="display-connection">
          连接中断，正在重连…
        </div>
      )}
      {!sound && (
        <div className="display-sound-hint">
          请点一下屏幕，开启叫号声音
        </div>
      )}
      <main className="display-main">
        <section className={`display-current${flash && current && flash === `${current.ticketId}:${current.calledAt}` ? ' display-flash' : ''}`} aria-label="正在叫号">
          {current ? (
            <>
              <div className="display-current-label">请</div>
              <div className="display-current-number" data-testid="display-current-number">
                {current.number}
              </div>
              <div className="display-current-window">
                到 <strong>{current.windowName}</strong> 办理
              </div>
              <div className="display-current-service">{current.serviceName}</div>
            </>
          ) : (
            <div className="display-current-idle">{state ? '欢迎光临，请取号后留意叫号' : '正在连接…'}</div>
          )}
        </section>
        <section className="display-recent" aria-label="最近叫号">
          <h2>最近叫号</h2>
          {earlier.length === 0 ? (
            <p className="display-empty">暂无</p>
          ) : (
            <ol>
              {earlier.map((c) => (
                <li key={`${c.ticketId}:${c.calledAt}`}>
                  <span className="display-recent-number">{c.number}</span>
                  <span className="display-recent-window">{c.windowName}</span>
                  <span className="display-recent-time">{clockOf(c.calledAt)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </main>
      <section className="display-waiting" aria-label="等候人数">
        {(state?.waiting ?? []).map((w) => (
          <div key={w.serviceId} className="display-waiting-item">
            <span className="display-waiting-name">
              {w.code} · {w.serviceName}
            </span>
            <span className="display-waiting-count">
              等候 <strong>{w.waiting}</strong> 人
            </span>
          </div>
        ))}
      </section>
      <footer className="display-notices" aria-label="通知公告">
        <span className="display-notices-label">通知公告</span>
        <span className="display-notices-list">{state && state.notices.length > 0 ? state.notices.map((n) => n.title).join('　｜　') : '请按号就座，留意叫号；办事咨询请到服务台。'}</span>
      </footer>
      {/* what the screen says aloud, for people who cannot hear it and for screen readers */}
      <div className="display-announcement" aria-live="assertive" data-testid="display-announcement">
        {announced}
      </div>
    </div>
  );
}
