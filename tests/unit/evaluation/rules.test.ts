import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATING_CHANNEL_NAMES, RATING_CHANNEL_TABLE9, RATING_CHANNELS } from '../../../src/domain/evaluation/channels.js';
import { BAD_LEVELS, FIX_LEVELS, LEVEL_CODES, LEVEL_NAMES, LEVELS, isBadLevel, isLevel, levelCode } from '../../../src/domain/evaluation/levels.js';
import {
  defaultDueAt,
  finishedBeforeForDue,
  INVITE_TIME,
  invitationDueAt,
  levelRefusal,
  notRatable,
  raterRefusal,
  secondRating,
} from '../../../src/domain/evaluation/rules.js';

const TZ = 'Asia/Shanghai';
const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }).map((ms) => new Date(ms));

describe('好差评 levels and channels', () => {
  it('five levels with their Chinese names; GB/T 39046 codes 1–5 best first; the bottom two are 差评', () => {
    expect(LEVELS.map((l) => LEVEL_NAMES[l])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(LEVELS.map(levelCode)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(Object.values(LEVEL_CODES)).size).toBe(5);
    expect(BAD_LEVELS).toEqual(['dissatisfied', 'very_dissatisfied']);
    expect(LEVELS.filter(isBadLevel)).toEqual(['dissatisfied', 'very_dissatisfied']);
    expect(isLevel('satisfied')).toBe(true);
    expect(isLevel('3')).toBe(false);
    expect(FIX_LEVELS.map((l) => LEVEL_NAMES[l])).toEqual(['满意', '基本满意', '不满意']);
  });

  it('every channel has a console name and a 表9 name', () => {
    for (const c of RATING_CHANNELS) {
      expect(RATING_CHANNEL_NAMES[c]).toBeTruthy();
      expect(RATING_CHANNEL_TABLE9[c]).toBeTruthy();
    }
    expect(RATING_CHANNEL_TABLE9.pad).toBe('政务服务大厅评价器');
    expect(RATING_CHANNEL_TABLE9.default).toBe('系统默认');
  });
});

describe('who may rate, and once', () => {
  const caseOrgIds = ['township', 'village'];
  it('staff of a center that handled the case may not rate it, on any channel but the paper form', () => {
    for (const channel of ['pad', 'qr', 'progress', 'sms'] as const) {
      expect(raterRefusal({ channel, staffOrgId: 'township', caseOrgIds, enteredBy: null })).toMatch(/工作人员不能评价/);
      expect(raterRefusal({ channel, staffOrgId: 'village', caseOrgIds, enteredBy: null })).not.toBeNull();
      expect(raterRefusal({ channel, staffOrgId: null, caseOrgIds, enteredBy: null })).toBeNull();
      expect(raterRefusal({ channel, staffOrgId: 'elsewhere', caseOrgIds, enteredBy: null })).toBeNull();
    }
    expect(raterRefusal({ channel: 'paper', staffOrgId: 'township', caseOrgIds, enteredBy: 'u1' })).toBeNull();
    expect(raterRefusal({ channel: 'paper', staffOrgId: null, caseOrgIds, enteredBy: null })).toMatch(/代为录入/);
  });

  it('a second rating is a conflict; a real rating replaces a default; a default never overwrites', () => {
    expect(secondRating(null, false)).toBe('insert');
    expect(secondRating(null, true)).toBe('insert');
    expect(secondRating({ isDefault: false }, false)).toBe('conflict');
    expect(secondRating({ isDefault: true }, false)).toBe('replace');
    expect(secondRating({ isDefault: false }, true)).toBe('skip');
    expect(secondRating({ isDefault: true }, true)).toBe('skip');
  });

  it('only a finished case; round 2 has three levels', () => {
    expect(notRatable('completed')).toBeNull();
    expect(notRatable('delivered')).toBeNull();
    for (const s of ['submitted', 'in_progress', 'paused', 'awaiting_supplement', 'returned', 'withdrawn']) expect(notRatable(s)).toMatch(/办结后/);
    expect(levelRefusal('very_satisfied', 2)).not.toBeNull();
    expect(levelRefusal('very_satisfied', 1)).toBeNull();
    expect(levelRefusal('dissatisfied', 2)).toBeNull();
  });
});

describe('when the invitation and the default are due (natural days, the center time zone)', () => {
  it('finished Wednesday 2026-12-30 16:00: invitation Saturday 2027-01-02 09:00, default from Thursday 2027-01-07 00:00', () => {
    const done = new Date('2026-12-30T16:00:00+08:00');
    expect(invitationDueAt(done, 3, TZ).toISOString()).toBe(new Date('2027-01-02T09:00:00+08:00').toISOString());
    expect(defaultDueAt(done, 7, TZ).toISOString()).toBe(new Date('2027-01-07T00:00:00+08:00').toISOString());
  });

  it('finished late on Friday: weekends count, the day is the local one (23:30 local is 15:30 UTC the same day)', () => {
    const done = new Date('2026-03-06T23:30:00+08:00');
    expect(invitationDueAt(done, 3, TZ).toISOString()).toBe(new Date('2026-03-09T09:00:00+08:00').toISOString());
    expect(defaultDueAt(done, 7, TZ).toISOString()).toBe(new Date('2026-03-14T00:00:00+08:00').toISOString());
  });

  it('property: a case is selected by the job exactly when its due time has come', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 15 }), (done, now, days) => {
        const inviteBefore = finishedBeforeForDue(now, days, INVITE_TIME, TZ);
        expect(done < inviteBefore).toBe(invitationDueAt(done, days, TZ) <= now);
        const defaultBefore = finishedBeforeForDue(now, days + 1, '00:00', TZ);
        expect(done < defaultBefore).toBe(defaultDueAt(done, days, TZ) <= now);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the invitation always comes before the default, and after the completion', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (done, invite, extra) => {
        const i = invitationDueAt(done, invite, TZ);
        expect(i > done).toBe(true);
        expect(defaultDueAt(done, invite + extra, TZ) > i).toBe(true);
      }),
    );
  });
});
