// Dates as people write them (2026年3月2日 星期一), in the phone's own time zone. No date library on this page.

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function parse(value: string): Date | null {
  // a bare day (2026-03-09) is that day where the phone is, not midnight in London
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function chineseDate(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  return d ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` : '';
}

export function chineseDay(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  return d ? `${d.getMonth() + 1}月${d.getDate()}日（${WEEKDAYS[d.getDay()]}）` : '';
}

export function chineseDateTime(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  return d ? `${chineseDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}` : '';
}

/** 3月5日（星期四）17:30: a deadline within the coming days. */
export function chineseDayTime(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  return d ? `${chineseDay(value)}${pad(d.getHours())}:${pad(d.getMinutes())}` : '';
}

/** Today on the phone's calendar, as YYYY-MM-DD. */
export function todayOnPhone(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** This month on the phone's calendar, as YYYY-MM. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

export function chineseMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** The value of an <input type="datetime-local"> as an ISO instant, or undefined when empty. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
