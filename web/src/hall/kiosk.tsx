/**
 * 自助取号机 (/hall/kiosk/<orgId>): a touch screen at the hall's door. The services with how many wait, an optional
 * 70岁以上 / 残疾人 choice (the window checks the card), 预约签到 with the appointment code, and an 80 mm paper ticket
 * printed by the browser (number, service, people ahead, time, the QR of the live position page); then back to the
 * start by itself. Large type and touch targets (适老化), no keyboard needed, Chinese only. On the kiosk, Chrome started
 * with --kiosk --kiosk-printing prints the ticket on the default (80 mm) printer without a dialog.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@shared/api-client';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { checkInAppointment, fetchServices, stampOf, takeTicket, type HallService, type Priority, type TicketIssued } from './hall-api';
import { qrDataUrl } from './qr';

/** the printed ticket stays on screen this long, then the kiosk is ready for the next person */
const TICKET_MS = 20_000;
/** the appointment screen left alone goes back to the start */
const IDLE_MS = 60_000;
const SERVICES_POLL_MS = 15_000;
/** the check-in code of the booking SMS */
const CODE_LENGTH = 6;

const PRIORITY_NAMES: Record<Priority, string> = { elderly: '70岁以上老人', disabled: '残疾人' };

type Screen =
  | { kind: 'home' }
  | { kind: 'appointment' }
  | { kind: 'ticket'; ticket: TicketIssued; qr: string | null; priority: Priority | null; appointment: boolean };

const problemOf = (error: unknown): string => (isApiError(error) ? error.title : '取号没有成功，请再试一次或到服务台取号。');

export function Kiosk({ orgId }: { orgId: string }) {
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [services, setServices] = useState<HallService[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [orgName, setOrgName] = useState('便民服务中心');
  const [priority, setPriority] = useState<Priority | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // one key per person at the kiosk: a double touch or a lost answer never prints two numbers
  const key = useRef(newIdempotencyKey());

  const loadServices = useCallback(() => {
    fetchServices(orgId).then(
      (answer) => {
        setServices(answer.services);
        if (answer.orgName) setOrgName(answer.orgName);
        setLoadProblem(null);
      },
      (error: unknown) => setLoadProblem(isApiError(error) && error.status === 404 ? '没有找到本中心的取号设置，请联系工作人员。' : problemOf(error)),
    );
  }, [orgId]);

  useEffect(() => {
    if (screen.kind !== 'home') return;
    loadServices();
    const timer = setInterval(loadServices, SERVICES_POLL_MS);
    return () => clearInterval(timer);
  }, [screen.kind, loadServices]);

  const home = useCallback(() => {
    key.current = newIdempotencyKey();
    setPriority(null);
    setProblem(null);
    setBusy(false);
    setScreen({ kind: 'home' });
  }, []);

  const issued = async (ticket: TicketIssued, appointment: boolean) => {
    const qr = await qrDataUrl(ticket.positionUrl);
    setBusy(false);
    setScreen({ kind: 'ticket', ticket, qr, priority: appointment ? null : priority, appointment });
  };

  const take = (service: HallService) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    takeTicket({ orgId, serviceId: service.id, source: 'kiosk', priority }, key.current).then(
      (ticket) => issued(ticket, false),
      (error: unknown) => {
        setBusy(false);
        setProblem(problemOf(error));
      },
    );
  };

  const checkIn = (code: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    checkInAppointment(orgId, code, key.current).then(
      (ticket) => issued(ticket, true),
      (error: unknown) => {
        setBusy(false);
        // a wrong code may be typed again: the next try is a new request
        key.current = newIdempotencyKey();
        setProblem(problemOf(error));
      },
    );
  };

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span>{orgName}</span>
        <span>自助取号</span>
      </header>
      {screen.kind === 'home' && (
        <main className="kiosk-main">
          <h1>请选择您要办理的业务</h1>
          <section className="kiosk-priority" aria-label="优先办理">
            <p>70 岁以上老人、残疾人请先点选下面一项，再选择业务（到窗口时请出示身份证或残疾人证）：</p>
            <div className="kiosk-priority-buttons">
              {(Object.keys(PRIORITY_NAMES) as Priority[]).map((p) => (
                <button key={p} type="button" className="kiosk-toggle" aria-pressed={priority === p} onClick={() => setPriority(priority === p ? null : p)}>
                  <span aria-hidden="true">{priority === p ? '☑' : '☐'}</span> {PRIORITY_NAMES[p]}
                </button>
              ))}
            </div>
          </section>
          {problem && (
            <p className="kiosk-problem" role="alert">
              {problem}
            </p>
          )}
          {loadProblem && !services && (
            <p className="kiosk-problem" role="alert">
              {loadProblem}
            </p>
          )}
          {services && services.length === 0 && <p className="kiosk-problem">本中心暂未开放自助取号，请到服务台咨询。</p>}
          <div className="kiosk-services" role="group" aria-label="办理业务">
            {(services ?? []).map((s) => (
              <button key={s.id} type="button" className="kiosk-service" disabled={busy} onClick={() => take(s)}>
                <span className="kiosk-service-name">{s.name}</span>
                <span className="kiosk-service-waiting">{s.waiting > 0 ? `等候 ${s.waiting} 人` : '无需等候'}</span>
              </button>
            ))}
          </div>
          <button
            type="button"
            className="kiosk-appointment"
            onClick={() => {
              key.current = newIdempotencyKey();
              setProblem(null);
              setScreen({ kind: 'appointment' });
            }}
          >
            已预约？点此预约签到
          </button>
          {busy && <p className="kiosk-hint">正在取号，请稍候…</p>}
        </main>
      )}
      {screen.kind === 'appointment' && <AppointmentScreen busy={busy} problem={problem} onCode={checkIn} onBack={home} />}
      {screen.kind === 'ticket' && <TicketScreen orgName={orgName} screen={screen} onDone={home} />}
    </div>
  );
}

/** 预约签到: the code from the booking SMS, typed on large keys. */
function AppointmentScreen({ busy, problem, onCode, onBack }: { busy: boolean; problem: string | null; onCode: (code: string) => void; onBack: () => void }) {
  const [code, setCode] = useState('');
  // left alone, the screen goes back to the start for the next person
  useEffect(() => {
    const timer = setTimeout(onBack, IDLE_MS);
    return () => clearTimeout(timer);
  }, [code, problem, onBack]);
  const press = (digit: string) => setCode((c) => (c.length >= CODE_LENGTH ? c : c + digit));
  return (
    <main className="kiosk-main">
      <h1>预约签到</h1>
      <p className="kiosk-hint">请输入预约短信里的 6 位签到码，签到后优先叫号。</p>
      <form
        className="kiosk-code"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.length === CODE_LENGTH) onCode(code);
        }}
      >
        <label htmlFor="kiosk-code">签到码</label>
        <input
          id="kiosk-code"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
          autoComplete="off"
          inputMode="numeric"
          placeholder="6 位数字"
        />
        {problem && (
          <p className="kiosk-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="kiosk-keys" role="group" aria-label="数字键">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
            <button key={d} type="button" onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button type="button" className="kiosk-key-small" onClick={() => setCode('')}>
            清空
          </button>
          <button type="button" onClick={() => press('0')}>
            0
          </button>
          <button type="button" className="kiosk-key-small" onClick={() => setCode((c) => c.slice(0, -1))}>
            删除
          </button>
        </div>
        <div className="kiosk-actions">
          <button type="button" className="kiosk-secondary" onClick={onBack}>
            返回
          </button>
          <button type="submit" className="kiosk-primary" disabled={busy || code.length !== CODE_LENGTH}>
            {busy ? '正在签到…' : '签到取号'}
          </button>
        </div>
      </form>
    </main>
  );
}

/** The number on screen and on paper: printed once it is drawn, then back to the start. */
function TicketScreen({ orgName, screen, onDone }: { orgName: string; screen: Extract<Screen, { kind: 'ticket' }>; onDone: () => void }) {
  const { ticket, qr } = screen;
  useEffect(() => {
    // after the paper ticket (with its QR image) is laid out: two frames, then the browser's print
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => window.print());
    });
    const timer = setTimeout(onDone, TICKET_MS);
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      clearTimeout(timer);
    };
  }, [ticket.id, onDone]);
  return (
    <main className="kiosk-main kiosk-issued" data-testid="kiosk-ticket">
      <h1>取号成功，请取走号票</h1>
      <div className="kiosk-issued-number">{ticket.number}</div>
      <p className="kiosk-issued-line">{ticket.serviceName}</p>
      <p className="kiosk-issued-line">{ticket.ahead > 0 ? `您前面还有 ${ticket.ahead} 人` : '您前面没有人在等候，请留意叫号'}</p>
      {screen.appointment && <p className="kiosk-hint">预约已签到，将优先为您叫号。</p>}
      {screen.priority && <p className="kiosk-hint">已按{PRIORITY_NAMES[screen.priority]}优先排队，到窗口时请出示证件。</p>}
      <p className="kiosk-hint">请留意叫号屏幕和语音提示；用手机扫描号票上的二维码，可随时查看排队进度。</p>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-secondary" onClick={() => window.print()}>
          重新打印
        </button>
        <button type="button" className="kiosk-primary" onClick={onDone}>
          完成
        </button>
      </div>
      <TicketPaper orgName={orgName} ticket={ticket} qr={qr} priority={screen.priority} appointment={screen.appointment} />
    </main>
  );
}

/** The 80 mm paper ticket: only this prints (hall.css, @media print). */
function TicketPaper({ orgName, ticket, qr, priority, appointment }: { orgName: string; ticket: TicketIssued; qr: string | null; priority: Priority | null; appointment: boolean }) {
  return (
    <section className="ticket-paper" aria-hidden="true" data-testid="ticket-paper">
      <div className="ticket-org">{orgName}</div>
      <div className="ticket-title">排队号票</div>
      <div className="ticket-number">{ticket.number}</div>
      <div className="ticket-service">{ticket.serviceName}</div>
      <div className="ticket-ahead">{ticket.ahead > 0 ? `您前面还有 ${ticket.ahead} 人等候` : '您前面没有人等候'}</div>
      {(appointment || priority) && <div className="ticket-note">{appointment ? '预约签到' : `优先：${PRIORITY_NAMES[priority!]}（请出示证件）`}</div>}
      <div className="ticket-time">取号时间 {stampOf(ticket.issuedAt)}</div>
      {qr ? (
        <figure className="ticket-qr">
          <img src={qr} alt="" />
          <figcaption>手机扫码查看排队进度</figcaption>
        </figure>
      ) : (
        <div className="ticket-note">排队进度请看大厅叫号屏幕</div>
      )}
      <div className="ticket-foot">请留意叫号，过号请到服务台重新排队。</div>
    </section>
  );
}
