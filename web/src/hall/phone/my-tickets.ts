/**
 * The numbers taken on this phone, per center (localStorage): coming back to 手机取号 shows the number already
 * taken today instead of taking a second one by mistake.
 */
const KEY = 'bm-hall-tickets';

interface Kept {
  orgId: string;
  token: string;
  number: string;
  day: string;
}

const today = () => new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

function read(): Kept[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as Kept[]) : [];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function keptTicket(orgId: string): Kept | null {
  return read().find((k) => k.orgId === orgId && k.day === today()) ?? null;
}

export function keepTicket(orgId: string, token: string, number: string): void {
  try {
    const list = read().filter((k) => k.orgId !== orgId && k.day === today());
    window.localStorage.setItem(KEY, JSON.stringify([...list, { orgId, token, number, day: today() }]));
  } catch {
    // not remembered: the position page's address still works
  }
}

export function forgetTicket(orgId: string): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(read().filter((k) => k.orgId !== orgId)));
  } catch {
    // nothing kept
  }
}
