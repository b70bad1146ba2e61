/**
 * The hall screens (/hall/*): tablets and screens in the service hall. The window rating pad
 * (/hall/rate/<windowId>), the ticket kiosk (/hall/kiosk/<orgId>) and the calling display (/hall/display/<orgId>).
 * The phone pages under /hall/take and /hall/ticket are a separate small app (./phone).
 */
import { Display } from './display';
import { Kiosk } from './kiosk';
import { RatePad } from './rate-pad';

const segment = (value: string) => decodeURIComponent(value);

export function HallApp() {
  const path = window.location.pathname;
  // /hall/rate/<windowId>; /hall/rate alone takes the window the pad was registered for
  const rate = /^\/hall\/rate(?:\/([^/?#]+))?\/?$/.exec(path);
  if (rate) return <RatePad windowId={rate[1] ? segment(rate[1]) : null} />;
  const kiosk = /^\/hall\/kiosk\/([^/?#]+)\/?$/.exec(path);
  if (kiosk) return <Kiosk orgId={segment(kiosk[1]!)} />;
  const display = /^\/hall\/display\/([^/?#]+)\/?$/.exec(path);
  if (display) return <Display orgId={segment(display[1]!)} />;
  return (
    <main className="hall-message">
      <h1>便民服务大厅</h1>
      <p>窗口评价器：/hall/rate（在控制台“窗口评价器”中登记后，输入登记码即可使用）。</p>
      <p>自助取号机：/hall/kiosk/中心编号；叫号显示屏：/hall/display/中心编号（在控制台“叫号”页可找到本中心的地址）。</p>
    </main>
  );
}
