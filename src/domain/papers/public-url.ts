/**
 * The deployment's public address (PUBLIC_URL): what every QR code and printed link opens. Never the address a
 * clerk's browser happens to use — on a center's LAN that is http://192.168.x.x:3000, which no villager's phone
 * can reach. Pure: the server's settings and both web apps check and use it the same way.
 */

export type PublicUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Checks and normalises an address typed by an administrator: http(s) only, no user name, query or fragment; a
 * path prefix is kept (https://zwfw.example.gov.cn/bianmin) without its trailing slash.
 */
export function checkPublicUrl(input: string): PublicUrlCheck {
  const text = input.trim();
  const fail = (message: string): PublicUrlCheck => ({ ok: false, message });
  if (!text) return fail('请填写群众手机能打开的公网地址，如 https://bianmin.example.gov.cn');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('公网地址格式不对，请填写以 http:// 或 https:// 开头的完整地址，如 https://bianmin.example.gov.cn');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('公网地址须以 http:// 或 https:// 开头。');
  if (!url.hostname) return fail('公网地址缺少域名或 IP 地址。');
  if (url.username || url.password) return fail('公网地址中不能包含用户名或密码。');
  if (url.search || url.hash) return fail('公网地址不能带“?”或“#”后面的参数，只填到域名（或路径）为止。');
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export { progressUrlAt } from './progress-url.js';
