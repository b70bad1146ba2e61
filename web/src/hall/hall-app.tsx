/**
 * The hall screens (/hall/*): tablets and screens in the service hall. Today the window rating pad
 * (/hall/rate/<windowId>); the queue, kiosk and display screens of a later issue come here too.
 */
import { RatePad } from './rate-pad';

export function HallApp() {
  // /hall/rate/<windowId>; /hall/rate alone takes the window the pad was registered for
  const match = /^\/hall\/rate(?:\/([^/?#]+))?\/?$/.exec(window.location.pathname);
  if (match) return <RatePad windowId={match[1] ? decodeURIComponent(match[1]) : null} />;
  return (
    <main className="hall-message">
      <h1>便民服务大厅</h1>
      <p>请打开窗口评价器的地址：/hall/rate（在控制台“窗口评价器”中登记后，输入登记码即可使用）。</p>
    </main>
  );
}
