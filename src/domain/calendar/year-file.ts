/**
 * The file an administrator imports when the State Council announces a new year's arrangement
 * (国务院办公厅关于XXXX年部分节假日安排的通知). It mirrors the notice: for each holiday the days off, from–to,
 * and the make-up working days (调休上班). Every problem is reported at once, in Chinese, so the
 * administrator can fix the whole file in one go.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import {
  addCalendarDays,
  isIsoDate,
  isWeekend,
  toEpochDay,
  weekdayName,
  yearOf,
  type CalendarOverride,
  type IsoDate,
} from './calendar.js';

export interface YearFileHoliday {
  /** As in the notice, e.g. '春节', '国庆节、中秋节'. */
  name: string;
  /** First and last day off, inclusive; weekend days inside the range are part of the holiday. */
  from: IsoDate;
  to: IsoDate;
  /** Make-up working days (Saturdays or Sundays) that belong to this holiday. */
  workdays?: IsoDate[];
}

export interface YearFile {
  year: number;
  source: string;
  holidays: YearFileHoliday[];
}

export interface ParsedYear {
  year: number;
  source: string;
  overrides: CalendarOverride[];
}

export type ParseYearFileResult = { ok: true; value: ParsedYear } | { ok: false; errors: string[] };

/** Appended to a holiday's name to form the note of its make-up working days. */
export const MAKEUP_SUFFIX = '调休上班';

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// Strict: a misspelt key such as "workday" must not silently drop the make-up days it holds.
const holidaySchema = z.strictObject({
  name: z.string().trim().min(1),
  from: dateString,
  to: dateString,
  workdays: z.array(dateString).default([]),
});

const yearFileSchema = z.object({
  year: z.int().min(2000).max(2100),
  source: z.string().trim().min(1),
  holidays: z.array(holidaySchema),
});

type Holiday = z.output<typeof holidaySchema>;

export function parseYearFile(input: unknown): ParseYearFileResult {
  const shape = yearFileSchema.safeParse(input);
  if (!shape.success) return { ok: false, errors: shape.error.issues.map((issue) => describeIssue(issue, input)) };
  const { year, source, holidays } = shape.data;
  const errors = checkConsistency(year, holidays);
  if (errors.length > 0) return { ok: false, errors };

  const overrides: CalendarOverride[] = [];
  for (const h of holidays) {
    for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) overrides.push({ date: d, working: false, note: h.name });
    for (const d of h.workdays) overrides.push({ date: d, working: true, note: h.name + MAKEUP_SUFFIX });
  }
  overrides.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, value: { year, source, overrides } };
}

// ---------------------------------------------------------------------------------------------------------
// Consistency: what the shape cannot say

function checkConsistency(year: number, holidays: Holiday[]): string[] {
  const errors: string[] = [];
  if (holidays.length === 0) {
    // An empty year would mark the year as loaded and every weekday as working: a silent wrong answer.
    errors.push('文件中没有登记任何假期。每年至少有元旦、春节等法定节假日，请检查文件是否完整。');
  }

  /** A date is usable when it exists and lies in the file's year; otherwise say why. */
  const usable = (name: string, what: string, date: IsoDate): boolean => {
    if (!isIsoDate(date)) errors.push(`“${name}”的${what} ${date} 不是真实存在的日期。`);
    else if (yearOf(date) !== year) errors.push(`“${name}”的${what} ${date} 不在 ${year} 年内，一个文件只能登记 ${year} 年的日期。`);
    else return true;
    return false;
  };

  const ranges: { name: string; from: IsoDate; to: IsoDate }[] = [];
  const offDays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();

  for (const h of holidays) {
    const fromOk = usable(h.name, '放假开始日期', h.from);
    const toOk = usable(h.name, '放假结束日期', h.to);
    if (fromOk && toOk) {
      if (h.from > h.to) {
        errors.push(`“${h.name}”的放假结束日期 ${h.to} 早于开始日期 ${h.from}。`);
      } else {
        let weekday = false;
        for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) {
          weekday ||= !isWeekend(d);
          offDays.set(d, h.name);
        }
        // Weekend days are off anyway: a range of nothing but weekend days is almost surely a typo.
        if (!weekday) errors.push(`“${h.name}”的放假日期 ${h.from} 至 ${h.to} 全是周末，放假安排至少要包含一个工作日，请检查日期。`);
        ranges.push({ name: h.name, from: h.from, to: h.to });
      }
    }
    for (const d of h.workdays) {
      if (!usable(h.name, '调休上班日', d)) continue;
      if (!isWeekend(d)) errors.push(`“${h.name}”的调休上班日 ${d} 是${weekdayName(d)}，调休上班日只能是周六或周日。`);
      if (workdays.has(d)) errors.push(`${d} 被重复登记为调休上班日，同一天只需登记一次。`);
      workdays.set(d, h.name);
    }
  }

  ranges.sort((a, b) => (a.from < b.from ? -1 : 1));
  ranges.forEach((r, i) => {
    for (const later of ranges.slice(i + 1)) {
      if (later.from <= r.to) {
        errors.push(`“${r.name}”（${r.from} 至 ${r.to}）与“${later.name}”（${later.from} 至 ${later.to}）的放假日期重叠。`);
      }
    }
  });

  for (const [d, name] of workdays) {
    const off = offDays.get(d);
    if (off !== undefined) errors.push(`${d} 既是“${off}”的放假日，又是“${name}”的调休上班日，同一天不能既放假又上班。`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// Shape errors in an administrator's words, not zod's

const FIELD_NAMES: Record<string, string> = { from: '放假开始日期（from）', to: '放假结束日期（to）' };

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [top, index, field, item] = issue.path;
  if (top === undefined) return '文件内容应是一个 JSON 对象，包含 year（年份）、source（依据）和 holidays（假期列表）。';
  if (top === 'year') return `年份（year）应是 2000 到 2100 之间的整数，如 2026；文件中是“${show(valueAt(input, ['year']))}”。`;
  if (top === 'source') return '依据（source）应填写所依据通知的标题，如“国务院办公厅关于2026年部分节假日安排的通知”。';
  if (top !== 'holidays') return `无法识别的内容：${issue.path.join('.')}。`;
  if (typeof index !== 'number') return '假期列表（holidays）应是一个数组，每一项是一个假期。';

  const name = valueAt(input, ['holidays', index, 'name']);
  const label = `第 ${index + 1} 个假期${typeof name === 'string' && name.trim() ? `（${name.trim()}）` : ''}`;
  if (field === undefined) {
    if (issue.code === 'unrecognized_keys') {
      return `${label}有无法识别的字段${issue.keys.map((k) => `“${k}”`).join('、')}，可用的字段只有 name、from、to、workdays。`;
    }
    return `${label}应是一个对象，包含 name（名称）、from（放假开始日期）、to（放假结束日期）和 workdays（调休上班日）。`;
  }
  if (field === 'name') return `${label}缺少名称（name），如“春节”。`;
  if (field === 'workdays' && item === undefined) return `${label}的调休上班日（workdays）应是日期的数组，如 ["2026-02-14"]；没有调休就写 []。`;
  const what = field === 'workdays' ? `第 ${Number(item) + 1} 个调休上班日` : (FIELD_NAMES[String(field)] ?? String(field));
  return `${label}的${what}应按 YYYY-MM-DD 填写，如 2026-02-15；文件中是“${show(valueAt(input, issue.path))}”。`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

const show = (v: unknown): string => (v === undefined ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v));

// ---------------------------------------------------------------------------------------------------------
// The way back: a stored year as a file again, e.g. to export what is in the database

/**
 * Groups consecutive days off with the same note into holidays and hangs each make-up day on the nearest
 * holiday it names. parseYearFile(toYearFile(y, s, parseYearFile(f).overrides)) gives the same overrides.
 */
export function toYearFile(year: number, source: string, overrides: Iterable<CalendarOverride>): YearFile {
  const sorted = [...overrides].sort((a, b) => (a.date < b.date ? -1 : 1));
  const holidays: (YearFileHoliday & { workdays: IsoDate[] })[] = [];
  for (const o of sorted.filter((o) => !o.working)) {
    const last = holidays.at(-1);
    if (last && last.name === o.note && addCalendarDays(last.to, 1) === o.date) last.to = o.date;
    else holidays.push({ name: o.note, from: o.date, to: o.date, workdays: [] });
  }
  for (const o of sorted.filter((o) => o.working)) {
    const name = o.note.endsWith(MAKEUP_SUFFIX) ? o.note.slice(0, -MAKEUP_SUFFIX.length) : o.note;
    const distance = (h: YearFileHoliday) => Math.abs(toEpochDay(h.from) - toEpochDay(o.date));
    const target = holidays.filter((h) => h.name === name).sort((a, b) => distance(a) - distance(b))[0];
    if (!target) {
      throw new DomainError('CALENDAR_MAKEUP_WITHOUT_HOLIDAY', `调休上班日 ${o.date}（${o.note}）找不到对应的假期“${name}”，无法导出。`, {
        date: o.date,
      });
    }
    target.workdays.push(o.date);
  }
  return { year, source, holidays };
}
