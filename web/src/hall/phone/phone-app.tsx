/**
 * The queue on a villager's phone (public, no sign-in): 手机取号 at /hall/take/<orgId> (the center's services with how
 * many wait; the number taken opens its live position) and 排队进度 at /hall/ticket/<token> (the address of the QR code
 * on the paper ticket). The public site's frame, phone size first, 长辈版 included.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicPage } from '../../public/public-page';
import { TakePage } from './take-page';
import { TicketPage } from './ticket-page';
import '@shared/phone.css';
import '../../public/public-page.css';
import './phone.css';

type Route = { kind: 'take'; orgId: string } | { kind: 'ticket'; token: string } | { kind: 'none' };

function route(): Route {
  const path = window.location.pathname;
  const take = /^\/hall\/take\/([^/?#]+)\/?$/.exec(path);
  if (take) return { kind: 'take', orgId: decodeURIComponent(take[1]!) };
  const ticket = /^\/hall\/ticket\/([^/?#]+)\/?$/.exec(path);
  if (ticket) return { kind: 'ticket', token: decodeURIComponent(ticket[1]!) };
  // the QR code of an older ticket may carry the token as ?t=
  const t = new URLSearchParams(window.location.search).get('t');
  if (path.startsWith('/hall/ticket') && t) return { kind: 'ticket', token: t };
  return { kind: 'none' };
}

function PhoneApp() {
  const [current, setCurrent] = useState(route);
  useEffect(() => {
    const back = () => setCurrent(route());
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const open = (path: string) => {
    window.history.pushState(null, '', path);
    setCurrent(route());
    window.scrollTo(0, 0);
  };
  return (
    <PublicPage>
      {current.kind === 'take' && <TakePage orgId={current.orgId} onTaken={(token) => open(`/hall/ticket/${encodeURIComponent(token)}`)} />}
      {current.kind === 'ticket' && <TicketPage key={current.token} token={current.token} />}
      {current.kind === 'none' && (
        <>
          <h1>排队取号</h1>
          <p className="problem">这个地址不完整。请扫描大厅取号机或号票上的二维码，或到服务台取号。</p>
        </>
      )}
    </PublicPage>
  );
}

export function mount(container: HTMLElement) {
  createRoot(container).render(
    <StrictMode>
      <PhoneApp />
    </StrictMode>,
  );
}
