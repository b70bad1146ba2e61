/**
 * One page (hall.html) for everything under /hall: the hall's own screens (rating pad, kiosk, display) and the
 * public phone pages of the queue (/hall/take/<orgId>, /hall/ticket/<token>). Each loads only its own code and
 * styles: the phone pages are the public site's small frame (长辈版 included), not the hall's large type.
 */
const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

const phone = /^\/hall\/(take|ticket)(\/|$)/.test(window.location.pathname);

(phone ? import('./phone/phone-app') : import('./screens'))
  .then(({ mount }) => mount(container))
  .catch(() => {
    container.textContent = '页面没有加载完整，请检查网络后刷新。';
  });
