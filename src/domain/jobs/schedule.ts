/**
 * A job's cron schedule (croner: five fields, or six with seconds first) in the words the administrator reads on
 * the jobs page: 每分钟, 每 30 秒, 每天 9:00, 每周一 8:30, 每月 1 日 9:00. Only the shapes of a plain schedule are
 * worded; anything else (lists, ranges of hours, steps of hours …) gives null, and the page shows the pattern.
 */

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六', '日'] as const;

const number = (field: string, max: number): number | null => (/^\d{1,2}$/.test(field) && Number(field) <= max ? Number(field) : null);
const step = (field: string): number | null => (/^\*\/[1-9]\d?$/.test(field) ? Number(field.slice(2)) : null);

export function scheduleName(pattern: string): string | null {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return null;
  const [second, minute, hour, day, month, weekday] = fields.length === 6 ? fields : ['0', ...fields];
  if (month !== '*') return null;

  // every few seconds: the rest of the pattern is all stars
  if (second !== '0') {
    const every = step(second!);
    if (every === null || [minute, hour, day, weekday].some((f) => f !== '*')) return null;
    return `每 ${every} 秒`;
  }
  if (hour === '*' && day === '*' && weekday === '*') {
    if (minute === '*') return '每分钟';
    const every = step(minute!);
    if (every !== null) return `每 ${every} 分钟`;
    const at = number(minute!, 59);
    if (at !== null) return at === 0 ? '每小时整点' : `每小时第 ${at} 分钟`;
    return null;
  }

  const m = number(minute!, 59);
  const h = number(hour!, 23);
  if (m === null || h === null) return null;
  const time = `${h}:${String(m).padStart(2, '0')}`;
  if (day === '*' && weekday === '*') return `每天 ${time}`;
  if (day === '*') {
    const w = number(weekday!, 7);
    return w === null ? null : `每周${WEEKDAYS[w]} ${time}`;
  }
  const d = number(day!, 31);
  return weekday === '*' && d !== null && d >= 1 ? `每月 ${d} 日 ${time}` : null;
}
