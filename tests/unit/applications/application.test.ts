// Online application and pre-review (issue 11 §2): the one transition table, the one-working-day pre-review clock on
// the official calendar (weekends, 春节, the year end into a provisional year), the light, and 一次性告知.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkingDays, isWorkingDay } from '../../../src/domain/calendar/calendar.js';
import { localDate, type OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import { withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  TRANSITIONS,
  allowedApplicationActions,
  awaitedMaterials,
  decideApplication,
  receivesOnlineApplications,
  preReviewLight,
  type ApplicationCommand,
  type ApplicationParty,
  type ApplicationState,
} from '../../../src/domain/applications/application.js';
import { officialCalendar } from '../calendar/support.js';

const calendar = withProvisionalYears(officialCalendar());
const hours: OfficeHours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const TZ = 'Asia/Shanghai';
const clock = { calendar, hours, timeZone: TZ };
const at = (s: string) => new Date(s);
const guide = [
  { name: '居民身份证', main: true },
  { name: '户口簿', main: true },
  { name: '低保申请书', main: true },
  { name: '收入证明', main: false },
];

function run(app: ApplicationState | null, command: ApplicationCommand, party: ApplicationParty, now = at('2026-03-02T09:30:00+08:00')) {
  return decideApplication(app, command, { now, party, userId: party === 'window' ? 'clerk-1' : null, clock });
}
function must(app: ApplicationState | null, command: ApplicationCommand, party: ApplicationParty, now?: Date): ApplicationState {
  const d = run(app, command, party, now);
  if (!d.ok) throw new Error(d.message);
  return d.application;
}
const submit = (now?: Date) => must(null, { action: 'submit', guide, supplied: ['居民身份证', '户口簿', '低保申请书'], onFile: [] }, 'applicant', now);

describe('the transition table', () => {
  it('every action leaves from and goes to known statuses, and each status but the ends has a way out', () => {
    for (const a of APPLICATION_ACTIONS) {
      expect(APPLICATION_STATUSES).toContain(TRANSITIONS[a].to);
      for (const f of TRANSITIONS[a].from) if (f !== null) expect(APPLICATION_STATUSES).toContain(f);
    }
    for (const s of ['pre_review', 'supplement_requested'] as const) {
      expect(allowedApplicationActions(s, 'applicant').length + allowedApplicationActions(s, 'window').length).toBeGreaterThan(0);
    }
    for (const s of ['accepted', 'returned', 'withdrawn'] as const) {
      expect([...allowedApplicationActions(s, 'applicant'), ...allowedApplicationActions(s, 'window')]).toEqual([]);
    }
  });

  it('submit → notice → resubmit → accept: one more history entry and version per step', () => {
    let app = submit();
    expect(app).toMatchObject({ status: 'pre_review', version: 1 });
    const steps: [ApplicationCommand, ApplicationParty][] = [
      [{ action: 'notify-supplement', missing: [{ material: '户口簿', reason: '照片不清晰' }] }, 'window'],
      [{ action: 'resubmit', uploaded: ['户口簿'] }, 'applicant'],
      [{ action: 'accept' }, 'window'],
    ];
    for (const [command, party] of steps) {
      const next = must(app, command, party, at('2026-03-02T15:00:00+08:00'));
      expect(next.history).toHaveLength(app.history.length + 1);
      expect(next.version).toBe(app.version + 1);
      app = next;
    }
    expect(app.status).toBe('accepted');
    expect(app.preReviewDueAt).toBeNull();
  });

  it('property: any sequence of commands by anyone only ever follows the table, and a refusal changes nothing', () => {
    const commands: [ApplicationCommand, ApplicationParty][] = [
      [{ action: 'accept' }, 'window'],
      [{ action: 'accept' }, 'applicant'],
      [{ action: 'notify-supplement', missing: [{ material: '户口簿', reason: '未提供' }] }, 'window'],
      [{ action: 'resubmit', uploaded: ['户口簿'] }, 'applicant'],
      [{ action: 'return', reason: '不符合条件', basis: '办理条件第一条' }, 'window'],
      [{ action: 'withdraw' }, 'applicant'],
      [{ action: 'withdraw' }, 'window'],
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: commands.length - 1 }), { maxLength: 12 }), (picks) => {
        let app = submit();
        for (const i of picks) {
          const [command, party] = commands[i]!;
          const d = run(app, command, party);
          const t = TRANSITIONS[command.action];
          const legal = t.by === party && t.from.includes(app.status);
          if (!d.ok) {
            if (legal) throw new Error(`refused a legal step: ${d.message}`);
            continue;
          }
          expect(legal).toBe(true);
          expect(d.application.status).toBe(t.to);
          app = d.application;
        }
      }),
    );
  });

  it('refuses the other party with 403 and a wrong state with 409, in Chinese', () => {
    const app = submit();
    const wrongParty = run(app, { action: 'accept' }, 'applicant');
    expect(wrongParty).toMatchObject({ ok: false, status: 403, code: 'APPLICATION_NOT_ALLOWED' });
    const accepted = must(app, { action: 'accept' }, 'window');
    const again = run(accepted, { action: 'return', reason: 'x', basis: 'y' }, 'window');
    expect(again).toMatchObject({ ok: false, status: 409 });
    if (!again.ok) expect(again.message).toContain('已受理');
  });
});

describe('submitting', () => {
  it('needs every main material, uploaded or on file; an attachment may be left out', () => {
    const d = run(null, { action: 'submit', guide, supplied: ['居民身份证'], onFile: [] }, 'applicant');
    expect(d).toMatchObject({ ok: false, code: 'APPLICATION_MATERIALS_MISSING' });
    if (!d.ok) expect(d.message).toBe('请上传以下必交材料后再提交：户口簿、低保申请书。');
    const onFile = run(null, { action: 'submit', guide, supplied: ['低保申请书'], onFile: ['居民身份证（原件）', '户口簿'] }, 'applicant');
    expect(onFile.ok).toBe(true);
  });
});

describe('一次性告知', () => {
  it('needs at least one material and a reason for each', () => {
    const app = submit();
    expect(run(app, { action: 'notify-supplement', missing: [] }, 'window')).toMatchObject({ ok: false, code: 'APPLICATION_NOTICE_EMPTY' });
    const noReason = run(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: ' ' }] }, 'window');
    expect(noReason).toMatchObject({ ok: false, code: 'APPLICATION_TEXT_REQUIRED' });
  });

  it('a second notice may name what the first named or what was uploaded since, nothing new', () => {
    let app = submit();
    app = must(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: '未提供户主页' }] }, 'window');
    app = must(app, { action: 'resubmit', uploaded: ['户口簿', '收入证明'] }, 'applicant');
    const fresh = run(app, { action: 'notify-supplement', missing: [{ material: '居民身份证', reason: '已过期' }] }, 'window');
    expect(fresh).toMatchObject({ ok: false, code: 'APPLICATION_NOTICE_NOT_ONE_TIME' });
    if (!fresh.ok) expect(fresh.message).toContain('居民身份证');
    // the noticed one again, and a defect in the newly uploaded 收入证明
    const ok = run(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: '仍缺户主页' }, { material: '收入证明', reason: '无单位盖章' }] }, 'window');
    expect(ok.ok).toBe(true);
  });

  it('the materials awaited are those of the latest notice, only while 补正 lasts', () => {
    let app = submit();
    expect(awaitedMaterials(app).size).toBe(0);
    app = must(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: '未提供户主页' }, { material: '收入证明', reason: '无盖章' }] }, 'window');
    expect([...awaitedMaterials(app)]).toHaveLength(2);
    app = must(app, { action: 'resubmit', uploaded: ['户口簿'] }, 'applicant');
    expect(awaitedMaterials(app).size).toBe(0);
    app = must(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: '仍缺户主页' }] }, 'window');
    expect(awaitedMaterials(app).size).toBe(1);
  });

  it('a resubmission without any upload is refused', () => {
    let app = submit();
    app = must(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: '未提供' }] }, 'window');
    expect(run(app, { action: 'resubmit', uploaded: [' '] }, 'applicant')).toMatchObject({ ok: false, code: 'APPLICATION_NOTHING_UPLOADED' });
  });

  it('a return needs both the reason and its basis', () => {
    const app = submit();
    expect(run(app, { action: 'return', reason: '不符合条件', basis: '' }, 'window')).toMatchObject({ ok: false, code: 'APPLICATION_TEXT_REQUIRED' });
    const d = run(app, { action: 'return', reason: '家庭收入超过标准', basis: '办理条件第二条' }, 'window');
    expect(d.ok && d.step.text).toBe('家庭收入超过标准（依据：办理条件第二条）');
  });
});

describe('who pre-reviews', () => {
  it('a township or county center, never a village room', () => {
    expect(receivesOnlineApplications('township')).toBe(true);
    expect(receivesOnlineApplications('county')).toBe(true);
    expect(receivesOnlineApplications('village')).toBe(false);
  });
});

describe('the pre-review clock', () => {
  it('is the close of office of the next working day: a Friday evening waits over the weekend', () => {
    expect(submit(at('2026-03-02T09:30:00+08:00')).preReviewDueAt).toBe(at('2026-03-03T17:30:00+08:00').toISOString());
    expect(submit(at('2026-03-06T20:00:00+08:00')).preReviewDueAt).toBe(at('2026-03-09T17:30:00+08:00').toISOString());
  });

  it('skips 春节 and the 调休 Saturday counts as a working day', () => {
    // 2026: 春节 holidays 2月15日–23日; Saturday 2月28日 is a make-up working day
    expect(submit(at('2026-02-13T10:00:00+08:00')).preReviewDueAt).toBe(at('2026-02-14T17:30:00+08:00').toISOString());
    expect(submit(at('2026-02-27T10:00:00+08:00')).preReviewDueAt).toBe(at('2026-02-28T17:30:00+08:00').toISOString());
  });

  it('crosses the year end into a year whose arrangement is not announced (provisional: 元旦 on a Saturday is made up on Monday)', () => {
    expect(submit(at('2027-12-31T10:00:00+08:00')).preReviewDueAt).toBe(at('2028-01-04T17:30:00+08:00').toISOString());
  });

  it('property: due on the first working day after the submission day, at the close of office', () => {
    fc.assert(
      fc.property(fc.date({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-20T00:00:00Z'), noInvalidDate: true }), (now) => {
        const due = new Date(submit(now).preReviewDueAt!);
        const day = localDate(due, TZ);
        expect(isWorkingDay(calendar, day)).toBe(true);
        expect(countWorkingDays(calendar, localDate(now, TZ), day)).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('resubmission starts a new clock; a notice stops it', () => {
    let app = submit(at('2026-03-02T09:30:00+08:00'));
    app = must(app, { action: 'notify-supplement', missing: [{ material: '户口簿', reason: '未提供' }] }, 'window', at('2026-03-02T10:00:00+08:00'));
    expect(app.preReviewDueAt).toBeNull();
    expect(preReviewLight(app, at('2026-03-20T10:00:00+08:00'), TZ)).toBeNull();
    app = must(app, { action: 'resubmit', uploaded: ['户口簿'] }, 'applicant', at('2026-03-10T16:00:00+08:00'));
    expect(app.preReviewDueAt).toBe(at('2026-03-11T17:30:00+08:00').toISOString());
  });
});

describe('the pre-review light', () => {
  const app = submit(at('2026-03-06T20:00:00+08:00')); // due Monday 03-09 17:30
  it('green until the due day starts, yellow on it, red after the due instant (the instant itself in time)', () => {
    expect(preReviewLight(app, at('2026-03-08T23:59:59+08:00'), TZ)).toBe('green');
    expect(preReviewLight(app, at('2026-03-09T00:00:00+08:00'), TZ)).toBe('yellow');
    expect(preReviewLight(app, at('2026-03-09T17:30:00+08:00'), TZ)).toBe('yellow');
    expect(preReviewLight(app, at('2026-03-09T17:30:00.001+08:00'), TZ)).toBe('red');
  });
});
