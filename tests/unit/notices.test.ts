// 公告 on the 政务公开 page (src/domain/notices/notices.ts) and the masked names of finished cases
// (src/domain/transparency/mask.ts): the withdrawal rule at its boundary in Asia/Shanghai calendar days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/domain/calendar/calendar.js';
import { zonedInstant } from '../../src/domain/calendar/office-hours.js';
import { checkTerms, daysShown, decideEdit, decidePublish, decideWithdrawal, isShown, minDaysProblem, minimumEndsAfter, NOTICE_LIMITS, withinMinimumPeriod, type NoticeState } from '../../src/domain/notices/notices.js';
import { maskName } from '../../src/domain/transparency/mask.js';
import { whereaboutsOf } from '../../src/domain/transparency/whereabouts.js';

const TZ = 'Asia/Shanghai';
const at = (date: string, time: string) => zonedInstant(date, time, TZ);
const notice = (over: Partial<NoticeState> = {}): NoticeState => ({ status: 'published', startDate: '2026-12-01', minDays: 7, endDate: null, ...over });

describe('maskName', () => {
  it('shows one character and two asterisks', () => {
    expect(maskName('张三')).toBe('张**');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳修文')).toBe('欧**');
    expect(maskName('  李明 ')).toBe('李**');
    expect(maskName('𠮷吉祥')).toBe('𠮷**');
    expect(maskName('清河县柳河食品有限公司')).toBe('清**');
    expect(maskName('')).toBe('**');
  });

  it('never shows more than the first character, nor the length of the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (name) => {
        const masked = maskName(name);
        const chars = Array.from(name.trim());
        expect(masked).toBe(`${chars[0] ?? ''}**`);
        expect(Array.from(masked).length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('the minimum display period in Asia/Shanghai calendar days', () => {
  it('runs from the start date for minDays whole local days', () => {
    expect(minimumEndsAfter(notice())).toBe('2026-12-08');
    expect(daysShown(notice(), '2026-11-30')).toBe(0);
    expect(daysShown(notice(), '2026-12-01')).toBe(1);
    expect(daysShown(notice(), '2026-12-07')).toBe(7);
    // the last second of the 7th local day is still inside; local midnight after it is outside — although both
    // instants fall on 2026-12-07 in UTC
    expect(withinMinimumPeriod(notice(), at('2026-12-07', '23:59'), TZ)).toBe(true);
    expect(withinMinimumPeriod(notice(), new Date('2026-12-07T15:59:59Z'), TZ)).toBe(true);
    expect(withinMinimumPeriod(notice(), new Date('2026-12-07T16:00:00Z'), TZ)).toBe(false);
  });

  it('withdrawal inside the period needs a reason; after it none', () => {
    const inside = new Date('2026-12-07T15:59:59Z');
    const after = new Date('2026-12-07T16:00:00Z');
    expect(decideWithdrawal(notice(), undefined, inside, TZ)).toMatchObject({ ok: false, code: 'NOTICE_REASON_REQUIRED', status: 422 });
    expect(decideWithdrawal(notice(), '   ', inside, TZ)).toMatchObject({ ok: false, code: 'NOTICE_REASON_REQUIRED' });
    expect(decideWithdrawal(notice(), '内容有误，更正后重新发布', inside, TZ)).toEqual({ ok: true, early: true });
    expect(decideWithdrawal(notice(), undefined, after, TZ)).toEqual({ ok: true, early: false });
    // before the start it has not been shown its days either
    expect(decideWithdrawal(notice(), null, at('2026-11-30', '10:00'), TZ)).toMatchObject({ ok: false, code: 'NOTICE_REASON_REQUIRED' });
    expect(decideWithdrawal(notice({ status: 'withdrawn' }), '重复', after, TZ)).toMatchObject({ ok: false, status: 409 });
  });

  it('for any start and minimum: a reason is needed exactly before local midnight of start + minDays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 365 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 1439 }), (offset, minDays, shift, minute) => {
        const startDate = addCalendarDays('2025-01-01', offset);
        const day = addCalendarDays(startDate, minDays + shift);
        const now = new Date(at(day, '00:00').getTime() + minute * 60_000);
        const refused = !decideWithdrawal(notice({ startDate, minDays }), undefined, now, TZ).ok;
        expect(refused).toBe(shift < 0);
      }),
    );
  });
});

describe('terms, publishing and editing', () => {
  const now = at('2026-12-03', '10:00');
  it('checks the dates and the minimum', () => {
    expect(checkTerms({ startDate: '2026-12-01', minDays: 7, endDate: '2026-12-07' })).toEqual({ ok: true });
    expect(checkTerms({ startDate: '2026-12-01', minDays: 7, endDate: '2026-12-06' })).toMatchObject({ ok: false, code: 'NOTICE_END_TOO_EARLY' });
    expect(checkTerms({ startDate: '2026-02-30', minDays: 7, endDate: null })).toMatchObject({ ok: false, code: 'NOTICE_BAD_DATE' });
    expect(checkTerms({ startDate: '2026-12-01', minDays: 0, endDate: null })).toMatchObject({ ok: false, code: 'NOTICE_BAD_MIN_DAYS' });
  });
  it('a new notice starts today or later', () => {
    expect(decidePublish({ startDate: '2026-12-03', minDays: 7, endDate: null }, now, TZ)).toEqual({ ok: true });
    expect(decidePublish({ startDate: '2026-12-02', minDays: 7, endDate: null }, now, TZ)).toMatchObject({ ok: false, code: 'NOTICE_START_PAST' });
  });
  it('once shown, the start stays and the minimum cannot shrink', () => {
    const shown = notice();
    expect(decideEdit(shown, { startDate: '2026-12-01', minDays: 10, endDate: null }, now, TZ)).toEqual({ ok: true });
    expect(decideEdit(shown, { startDate: '2026-12-04', minDays: 7, endDate: null }, now, TZ)).toMatchObject({ ok: false, code: 'NOTICE_STARTED' });
    expect(decideEdit(shown, { startDate: '2026-12-01', minDays: 3, endDate: null }, now, TZ)).toMatchObject({ ok: false, code: 'NOTICE_STARTED' });
    const later = notice({ startDate: '2026-12-10' });
    expect(decideEdit(later, { startDate: '2026-12-05', minDays: 3, endDate: null }, now, TZ)).toEqual({ ok: true });
    expect(decideEdit(notice({ status: 'withdrawn' }), { startDate: '2026-12-01', minDays: 7, endDate: null }, now, TZ)).toMatchObject({ ok: false, status: 409 });
  });
  it('is shown from the start date through the end date unless withdrawn', () => {
    const n = notice({ endDate: '2026-12-09' });
    expect(['2026-11-30', '2026-12-01', '2026-12-09', '2026-12-10'].map((d) => isShown(n, d))).toEqual([false, true, true, false]);
    expect(isShown(notice({ status: 'withdrawn' }), '2026-12-03')).toBe(false);
  });
});

describe('whereaboutsOf', () => {
  it('is the stored kind, never a guess from the words of a note', () => {
    expect(whereaboutsOf(false, null)).toBe('在岗');
    expect(whereaboutsOf(false, '请假')).toBe('在岗');
    expect(whereaboutsOf(true, '请假')).toBe('请假');
    expect(whereaboutsOf(true, '开会')).toBe('开会');
    expect(whereaboutsOf(true, '下村')).toBe('下村');
    // a row away without a kind stored (before 0034) and anything unknown: 出差
    expect(whereaboutsOf(true, '请假：孩子生病住院')).toBe('出差');
    expect(whereaboutsOf(true, null)).toBe('出差');
    expect(whereaboutsOf(true, '在岗')).toBe('出差');
  });
});

describe('minDaysProblem: the one rule for a minimum period, read by the domain and the publishing form', () => {
  it('takes whole days from 1 to the limit, and once shown never shorter than it started', () => {
    expect(minDaysProblem(-5)).toBe('最短公示天数至少 1 天。');
    expect(minDaysProblem(0)).toBe('最短公示天数至少 1 天。');
    expect(minDaysProblem(2.5)).toBe('最短公示天数须是整数。');
    expect(minDaysProblem(NOTICE_LIMITS.minDays + 1)).toContain(`不超过 ${NOTICE_LIMITS.minDays} 天`);
    expect(minDaysProblem(7)).toBeNull();
    expect(minDaysProblem(5, 7)).toBe('该公告已开始公示，最短公示天数不能少于原定的 7 天。');
    expect(minDaysProblem(9, 7)).toBeNull();
  });

  it('property: checkTerms refuses exactly the periods minDaysProblem names', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: NOTICE_LIMITS.minDays + 10 }), (minDays) => {
        const terms = checkTerms({ startDate: '2026-12-08', minDays, endDate: null });
        expect(terms.ok).toBe(minDaysProblem(minDays) === null);
      }),
    );
  });
});
