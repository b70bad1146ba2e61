import { describe, expect, it } from 'vitest';
import { officialYears } from '../../../src/domain/calendar/official.js';
import { parseYearFile, toYearFile, type YearFile } from '../../../src/domain/calendar/year-file.js';
import { domainError } from './support.js';

/** A small valid file to break in one place at a time. */
const sample = (): YearFile => ({
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
  ],
});

function errorsOf(input: unknown): string[] {
  const r = parseYearFile(input);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}

function withHoliday(i: number, change: Record<string, unknown>): unknown {
  const f = sample() as unknown as { holidays: Record<string, unknown>[] };
  f.holidays[i] = { ...f.holidays[i], ...change };
  return f;
}

describe('parseYearFile: the official files', () => {
  it.each(officialYears().map((f) => [f.year, f] as const))('%i parses', (year, file) => {
    const r = parseYearFile(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.year).toBe(year);
    expect(r.value.source).toContain(`${year}年部分节假日安排的通知`);
  });

  it('turns holidays into notes: the name on days off, name + 调休上班 on make-up days; sorted by date', () => {
    const r = parseYearFile(sample());
    expect(r.ok && r.value.overrides.slice(0, 5)).toEqual([
      { date: '2026-01-01', working: false, note: '元旦' },
      { date: '2026-01-02', working: false, note: '元旦' },
      { date: '2026-01-03', working: false, note: '元旦' },
      { date: '2026-01-04', working: true, note: '元旦调休上班' },
      { date: '2026-02-14', working: true, note: '春节调休上班' },
    ]);
    expect(r.ok && r.value.overrides).toHaveLength(3 + 1 + 9 + 2 + 3);
  });

  it('counts: 2025 has 28 days off and 5 make-up days, 2026 has 33 and 6', () => {
    const [y2025, y2026] = officialYears().map(parseYearFile);
    for (const [r, off, on] of [[y2025, 28, 5], [y2026, 33, 6]] as const) {
      expect(r?.ok).toBe(true);
      if (!r?.ok) continue;
      expect(r.value.overrides.filter((o) => !o.working)).toHaveLength(off);
      expect(r.value.overrides.filter((o) => o.working)).toHaveLength(on);
    }
  });
});

describe('parseYearFile: consistency errors, in an administrator’s words', () => {
  it('make-up working day on a weekday', () => {
    expect(errorsOf(withHoliday(1, { workdays: ['2026-02-14', '2026-03-02'] }))).toEqual([
      '“春节”的调休上班日 2026-03-02 是星期一，调休上班日只能是周六或周日。',
    ]);
  });

  it('the example from the brief: a weekday inside the holiday itself is both wrong and contradictory', () => {
    expect(errorsOf(withHoliday(1, { workdays: ['2026-02-16'] }))).toEqual([
      '“春节”的调休上班日 2026-02-16 是星期一，调休上班日只能是周六或周日。',
      '2026-02-16 既是“春节”的放假日，又是“春节”的调休上班日，同一天不能既放假又上班。',
    ]);
  });

  it('a day both off and working', () => {
    expect(errorsOf(withHoliday(1, { workdays: ['2026-02-21'] }))).toEqual([
      '2026-02-21 既是“春节”的放假日，又是“春节”的调休上班日，同一天不能既放假又上班。',
    ]);
  });

  it('a date that does not exist', () => {
    expect(errorsOf(withHoliday(1, { to: '2026-02-30' }))).toEqual(['“春节”的放假结束日期 2026-02-30 不是真实存在的日期。']);
  });

  it('a date outside the year', () => {
    expect(errorsOf(withHoliday(0, { from: '2025-12-31' }))).toEqual([
      '“元旦”的放假开始日期 2025-12-31 不在 2026 年内，一个文件只能登记 2026 年的日期。',
    ]);
    expect(errorsOf(withHoliday(0, { workdays: ['2027-01-02'] }))).toEqual([
      '“元旦”的调休上班日 2027-01-02 不在 2026 年内，一个文件只能登记 2026 年的日期。',
    ]);
  });

  it('end before start', () => {
    expect(errorsOf(withHoliday(1, { to: '2026-02-13' }))).toEqual(['“春节”的放假结束日期 2026-02-13 早于开始日期 2026-02-15。']);
  });

  it('a holiday of nothing but weekend days', () => {
    expect(errorsOf(withHoliday(2, { from: '2026-04-04', to: '2026-04-05' }))).toEqual([
      '“清明节”的放假日期 2026-04-04 至 2026-04-05 全是周末，放假安排至少要包含一个工作日，请检查日期。',
    ]);
  });

  it('overlapping holidays', () => {
    const f = sample();
    f.holidays.push({ name: '元宵节', from: '2026-02-23', to: '2026-02-24' });
    expect(errorsOf(f)).toEqual(['“春节”（2026-02-15 至 2026-02-23）与“元宵节”（2026-02-23 至 2026-02-24）的放假日期重叠。']);
  });

  it('the same make-up day twice', () => {
    expect(errorsOf(withHoliday(2, { workdays: ['2026-02-28'] }))).toEqual(['2026-02-28 被重复登记为调休上班日，同一天只需登记一次。']);
  });

  it('no holidays at all', () => {
    expect(errorsOf({ ...sample(), holidays: [] })).toEqual([
      '文件中没有登记任何假期。每年至少有元旦、春节等法定节假日，请检查文件是否完整。',
    ]);
  });

  it('reports every problem at once', () => {
    const f = sample();
    f.holidays[0]!.workdays = ['2026-01-05'];
    f.holidays[1]!.to = '2026-02-10';
    f.holidays[2]!.from = '2026-04-31';
    expect(errorsOf(f)).toHaveLength(3);
  });
});

describe('parseYearFile: shape errors, in an administrator’s words', () => {
  it.each([null, [], 'abc', 42])('not an object: %j', (input) => {
    expect(errorsOf(input)).toEqual(['文件内容应是一个 JSON 对象，包含 year（年份）、source（依据）和 holidays（假期列表）。']);
  });

  it('year missing, out of range, or a string', () => {
    for (const year of [undefined, 1999, '2026', 2026.5]) {
      expect(errorsOf({ ...sample(), year })[0]).toMatch(/^年份（year）应是 2000 到 2100 之间的整数，如 2026；文件中是/);
    }
    expect(errorsOf({ ...sample(), year: '2026' })).toEqual(['年份（year）应是 2000 到 2100 之间的整数，如 2026；文件中是“2026”。']);
  });

  it('source empty', () => {
    expect(errorsOf({ ...sample(), source: '  ' })).toEqual([
      '依据（source）应填写所依据通知的标题，如“国务院办公厅关于2026年部分节假日安排的通知”。',
    ]);
  });

  it('holidays not a list, or an item not an object', () => {
    expect(errorsOf({ ...sample(), holidays: {} })).toEqual(['假期列表（holidays）应是一个数组，每一项是一个假期。']);
    expect(errorsOf({ ...sample(), holidays: ['春节'] })).toEqual([
      '第 1 个假期应是一个对象，包含 name（名称）、from（放假开始日期）、to（放假结束日期）和 workdays（调休上班日）。',
    ]);
  });

  it('holiday without a name', () => {
    expect(errorsOf(withHoliday(1, { name: '' }))).toEqual(['第 2 个假期缺少名称（name），如“春节”。']);
  });

  it('dates not written as YYYY-MM-DD', () => {
    expect(errorsOf(withHoliday(1, { from: '2026/2/15' }))).toEqual([
      '第 2 个假期（春节）的放假开始日期（from）应按 YYYY-MM-DD 填写，如 2026-02-15；文件中是“2026/2/15”。',
    ]);
    expect(errorsOf(withHoliday(1, { to: undefined }))).toEqual([
      '第 2 个假期（春节）的放假结束日期（to）应按 YYYY-MM-DD 填写，如 2026-02-15；文件中是“（空）”。',
    ]);
    expect(errorsOf(withHoliday(1, { workdays: ['2026-02-14', 20260228] }))).toEqual([
      '第 2 个假期（春节）的第 2 个调休上班日应按 YYYY-MM-DD 填写，如 2026-02-15；文件中是“20260228”。',
    ]);
  });

  it('workdays not a list', () => {
    expect(errorsOf(withHoliday(1, { workdays: '2026-02-14' }))).toEqual([
      '第 2 个假期（春节）的调休上班日（workdays）应是日期的数组，如 ["2026-02-14"]；没有调休就写 []。',
    ]);
  });

  it('a misspelt key is refused rather than silently dropping the make-up days', () => {
    expect(errorsOf(withHoliday(1, { workday: ['2026-02-14'] }))).toEqual([
      '第 2 个假期（春节）有无法识别的字段“workday”，可用的字段只有 name、from、to、workdays。',
    ]);
  });

  it('workdays may be left out when there are none', () => {
    expect(parseYearFile(sample()).ok).toBe(true); // 清明节 in the sample has no workdays key
  });
});

describe('round trip', () => {
  it.each(officialYears().map((f) => [f.year, f] as const))('%i: file → overrides → file gives the file back', (_, file) => {
    const r = parseYearFile(file);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const again = toYearFile(r.value.year, r.value.source, r.value.overrides);
    expect(again).toEqual(file);
    expect(parseYearFile(again)).toEqual(r);
  });

  it('survives JSON serialisation', () => {
    for (const file of officialYears()) expect(parseYearFile(JSON.parse(JSON.stringify(file)))).toEqual(parseYearFile(file));
  });

  it('a make-up day goes to the nearest holiday of its name', () => {
    const overrides = [
      { date: '2027-01-01', working: false, note: '假' },
      { date: '2027-01-02', working: true, note: '假调休上班' },
      { date: '2027-12-31', working: false, note: '假' },
      { date: '2027-12-25', working: true, note: '假调休上班' },
    ];
    expect(toYearFile(2027, 's', overrides).holidays).toEqual([
      { name: '假', from: '2027-01-01', to: '2027-01-01', workdays: ['2027-01-02'] },
      { name: '假', from: '2027-12-31', to: '2027-12-31', workdays: ['2027-12-25'] },
    ]);
  });

  it('refuses a make-up day whose holiday is not there', () => {
    const e = domainError(() => toYearFile(2026, 's', [{ date: '2026-02-14', working: true, note: '春节调休上班' }]));
    expect(e.code).toBe('CALENDAR_MAKEUP_WITHOUT_HOLIDAY');
  });
});
