/**
 * 窗口评价器: a tablet at the window. Idle, it welcomes; when the clerk finishes a case at this window it shows that
 * case (number, item, the applicant's masked name) and five large faces; a touch rates it, thanks, and after a few
 * seconds the pad is ready for the next person. Large type and touch targets (适老化), Chinese only.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { LEVEL_NAMES, LEVELS, type Level } from '@domain/evaluation/levels';
import { isApiError } from '@shared/api-client';
import { RatingFace } from '@shared/rating-face';
import { fetchOffer, fetchPad, listen, sendRating, storeCode, storedCode, type Offer, type PadInfo } from './pad-api';

const THANKS_MS = 6000;
const POLL_MS = 20_000;

type Screen = { kind: 'setup'; problem: string | null } | { kind: 'wrong-window'; pad: PadInfo } | { kind: 'ready'; pad: PadInfo };

/** A code opened with the page (#code=…, from the console's registration) is kept and taken out of the address. */
function codeFromAddress(): string | null {
  const m = /[#&]code=([0-9A-Za-z-]+)/.exec(window.location.hash);
  if (!m) return null;
  window.history.replaceState(null, '', window.location.pathname);
  return m[1]!;
}

export function RatePad({ windowId }: { windowId: string | null }) {
  const [code, setCode] = useState<string | null>(() => {
    const fromAddress = codeFromAddress();
    if (fromAddress) storeCode(fromAddress);
    return fromAddress ?? storedCode();
  });
  const [screen, setScreen] = useState<Screen | null>(null);

  useEffect(() => {
    if (!code) {
      setScreen({ kind: 'setup', problem: null });
      return;
    }
    let stop = false;
    fetchPad(code).then(
      (pad) => {
        if (stop) return;
        if (windowId === null) window.history.replaceState(null, '', `/hall/rate/${encodeURIComponent(pad.windowId)}`);
        setScreen(windowId === null || pad.windowId === windowId ? { kind: 'ready', pad } : { kind: 'wrong-window', pad });
      },
      (error: unknown) => {
        if (stop) return;
        if (isApiError(error) && error.status === 401) {
          storeCode(null);
          setCode(null);
          setScreen({ kind: 'setup', problem: error.title });
        } else setScreen({ kind: 'setup', problem: isApiError(error) ? error.title : '无法连接服务器，请检查网络。' });
      },
    );
    return () => {
      stop = true;
    };
  }, [code, windowId]);

  if (!screen) return <main className="pad pad-idle"><p className="pad-hint">正在连接…</p></main>;
  if (screen.kind === 'setup') {
    return (
      <Setup
        problem={screen.problem}
        onCode={(c) => {
          storeCode(c);
          setCode(c);
        }}
      />
    );
  }
  if (screen.kind === 'wrong-window') {
    return (
      <main className="pad pad-idle">
        <h1>评价器窗口不符</h1>
        <p className="pad-hint">
          本评价器登记在“{screen.pad.centerName} {screen.pad.windowName}”，请打开 <a href={`/hall/rate/${screen.pad.windowId}`}>该窗口的评价页</a>，或请中心主任为本窗口重新登记。
        </p>
      </main>
    );
  }
  return <Rating code={code!} pad={screen.pad} />;
}

function Setup({ problem, onCode }: { problem: string | null; onCode: (code: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (clean.length === 16) onCode(clean);
  };
  return (
    <main className="pad pad-idle">
      <h1>登记窗口评价器</h1>
      <p className="pad-hint">请中心主任在控制台“评价器管理”中为本窗口登记评价器，并在下面输入显示的 16 位登记码。</p>
      {problem && <p className="pad-problem" role="alert">{problem}</p>}
      <form className="pad-setup" onSubmit={submit}>
        <label htmlFor="pad-code">登记码</label>
        <input id="pad-code" value={value} onChange={(e) => setValue(e.target.value)} placeholder="XXXX-XXXX-XXXX-XXXX" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <button type="submit">确定</button>
      </form>
    </main>
  );
}

type Phase = { kind: 'idle' } | { kind: 'offer'; offer: Offer; sending: Level | null; problem: string | null } | { kind: 'thanks'; levelName: string };

function Rating({ code, pad }: { code: string; pad: PadInfo }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const look = useCallback(
    async (caseId?: string) => {
      // a thank-you on screen finishes first; an offer being rated stays
      const now = phaseRef.current;
      if (now.kind === 'thanks' || (now.kind === 'offer' && now.sending)) return;
      try {
        const { offer } = await fetchOffer(code, caseId);
        if (offer) setPhase((p) => (p.kind === 'offer' && p.offer.caseId === offer.caseId ? p : { kind: 'offer', offer, sending: null, problem: null }));
        else if (!caseId) setPhase((p) => (p.kind === 'offer' && !p.sending ? { kind: 'idle' } : p));
      } catch {
        // offline for a moment: the next poll or event tries again
      }
    },
    [code],
  );

  useEffect(() => {
    const controller = new AbortController();
    void listen(code, controller.signal, (caseId) => void look(caseId), () => void look());
    const poll = setInterval(() => void look(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(poll);
    };
  }, [code, look]);

  useEffect(() => {
    if (phase.kind !== 'thanks') return;
    const timer = setTimeout(() => {
      setPhase({ kind: 'idle' });
      void look();
    }, THANKS_MS);
    return () => clearTimeout(timer);
  }, [phase.kind, look]);

  async function rate(offer: Offer, level: Level) {
    setPhase({ kind: 'offer', offer, sending: level, problem: null });
    try {
      await sendRating(code, offer.caseId, level);
      setPhase({ kind: 'thanks', levelName: LEVEL_NAMES[level] });
    } catch (error) {
      const title = isApiError(error) ? error.title : '评价没有提交成功，请再点一次。';
      if (isApiError(error) && error.status === 409) setPhase({ kind: 'thanks', levelName: '' });
      else setPhase({ kind: 'offer', offer, sending: null, problem: title });
    }
  }

  const header = (
    <header className="pad-header">
      <span>{pad.centerName}</span>
      <span>{pad.windowName}</span>
    </header>
  );

  if (phase.kind === 'thanks') {
    return (
      <main className="pad pad-thanks" aria-live="polite">
        {header}
        <h1>感谢您的评价！</h1>
        {phase.levelName && <p className="pad-hint">您的评价：{phase.levelName}</p>}
        <p className="pad-hint">我们会继续改进服务。</p>
      </main>
    );
  }
  if (phase.kind === 'idle') {
    return (
      <main className="pad pad-idle">
        {header}
        <h1>欢迎您来办事</h1>
        <p className="pad-hint">事情办完后，请在这里为我们的服务评价。</p>
      </main>
    );
  }
  const { offer, sending, problem } = phase;
  return (
    <main className="pad pad-offer">
      {header}
      <h1>请您为本次服务评价</h1>
      <p className="pad-case">
        <span className="pad-item">{offer.itemName}</span>
        <span>
          办件编号 {offer.caseNo} · 办事人 {offer.applicantName}
        </span>
      </p>
      <div className="pad-faces" role="group" aria-label="满意程度">
        {LEVELS.map((level) => (
          <button key={level} type="button" className={`pad-face pad-face-${level}`} disabled={sending !== null} onClick={() => void rate(offer, level)}>
            <RatingFace level={level} size={110} />
            <span className="pad-label">{LEVEL_NAMES[level]}</span>
          </button>
        ))}
      </div>
      {problem && <p className="pad-problem" role="alert">{problem}</p>}
      <p className="pad-hint">您的评价如实记录，用于改进服务和考核窗口。</p>
    </main>
  );
}
