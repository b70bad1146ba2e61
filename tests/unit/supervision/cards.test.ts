import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../src/domain/calendar/calendar.js';
import { withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import { ROLES, type Role } from '../../../src/domain/roles.js';
import {
  CARD_ACTIONS,
  CARD_LEVELS,
  CARD_STATUSES,
  TRANSITIONS,
  allowedCardActions,
  cardLight,
  cardNumber,
  decideCard,
  defaultReplyBy,
  isLate,
  partyOf,
  replyByProblem,
  type CardActor,
  type CardCommand,
  type CardState,
} from '../../../src/domain/supervision/cards.js';

// 2026-03-02 is a Monday; 2026 as loaded here has one day off (Wednesday 2026-03-04) besides the weekends.
const calendar = withProvisionalYears(buildCalendar([2026], [{ date: '2026-03-04', working: false, note: '测试假日' }]));
const NOW = new Date('2026-03-02T09:00:00+08:00');
const TODAY = '2026-03-02';

const supervisor: CardActor = { userId: 'sup', roles: ['supervisor'], coversIssuer: true, atAnsweringCenter: false };
const director: CardActor = { userId: 'dir', roles: ['director'], coversIssuer: false, atAnsweringCenter: true };
const leader: CardActor = { userId: 'lead', roles: ['leader'], coversIssuer: false, atAnsweringCenter: true };
const otherSupervisor: CardActor = { userId: 'sup2', roles: ['supervisor'], coversIssuer: false, atAnsweringCenter: false };
const otherDirector: CardActor = { userId: 'dir2', roles: ['director'], coversIssuer: false, atAnsweringCenter: false };
const clerk: CardActor = { userId: 'clerk', roles: ['clerk'], coversIssuer: false, atAnsweringCenter: true };

const ctx = (actor: CardActor, now = NOW, today = TODAY) => ({ now, today, calendar, actor });

function issued(level: 'blue' | 'orange' | 'red' = 'orange'): CardState {
  const d = decideCard(null, { action: 'issue', level, content: '请说明该件逾期未办结的原因并限期办结。', replyBy: '2026-03-05' }, ctx(supervisor));
  if (!d.ok) throw new Error(d.message);
  return d.card;
}
function apply(card: CardState, command: CardCommand, actor: CardActor): CardState {
  const d = decideCard(card, command, ctx(actor));
  if (!d.ok) throw new Error(d.message);
  return d.card;
}

describe('督办单的状态', () => {
  it('发出 → 回告 → 销号, each step kept with who, when and what', () => {
    const card = issued();
    expect(card).toMatchObject({ status: 'issued', level: 'orange', replyBy: '2026-03-05', version: 1 });
    const replied = apply(card, { action: 'reply', content: '已查明原因，当日办结。' }, director);
    expect(replied.status).toBe('replied');
    const closed = apply(replied, { action: 'close', remark: '整改到位' }, supervisor);
    expect(closed.status).toBe('closed');
    expect(closed.version).toBe(3);
    expect(closed.history.map((s) => [s.action, s.by, s.from, s.to])).toEqual([
      ['issue', 'sup', null, 'issued'],
      ['reply', 'dir', 'issued', 'replied'],
      ['close', 'sup', 'replied', 'closed'],
    ]);
    expect(closed.history[1]!.text).toBe('已查明原因，当日办结。');
    expect(closed.history[2]!.at).toBe(NOW.toISOString());
    expect(allowedCardActions(closed, supervisor)).toEqual([]);
    expect(allowedCardActions(closed, director)).toEqual([]);
  });

  it('the leader on duty may answer as the director does', () => {
    expect(apply(issued(), { action: 'reply', content: '带班领导回告' }, leader).status).toBe('replied');
  });

  it('退回: a reply not good enough goes back to the center, which answers again', () => {
    const replied = apply(issued(), { action: 'reply', content: '知道了' }, director);
    const returned = apply(replied, { action: 'return', reason: '未说明原因和整改措施' }, supervisor);
    expect(returned).toMatchObject({ status: 'returned', replyBy: '2026-03-05' });
    expect(allowedCardActions(returned, director)).toEqual(['reply']);
    const moved = apply(replied, { action: 'return', reason: '请补充', replyBy: '2026-03-06' }, supervisor);
    expect(moved.replyBy).toBe('2026-03-06');
    expect(apply(returned, { action: 'reply', content: '原因是……，已整改。' }, director).status).toBe('replied');
  });

  it('升级: blue → orange → red with a new reply date; red is the top', () => {
    const blue = issued('blue');
    const orange = apply(blue, { action: 'raise', reason: '逾期未回告', replyBy: '2026-03-06' }, supervisor);
    expect(orange).toMatchObject({ level: 'orange', status: 'issued', replyBy: '2026-03-06' });
    const red = apply(orange, { action: 'raise', reason: '仍未整改', replyBy: '2026-03-09' }, supervisor);
    expect(red.level).toBe('red');
    const again = decideCard(red, { action: 'raise', reason: '再次', replyBy: '2026-03-10' }, ctx(supervisor));
    expect(again).toMatchObject({ ok: false, code: 'CARD_ALREADY_RED' });
    expect(allowedCardActions(red, supervisor)).not.toContain('raise');
    // raising after an answer that does not satisfy is allowed: the center answers again at the higher level
    const replied = apply(issued('blue'), { action: 'reply', content: '已办' }, director);
    expect(apply(replied, { action: 'raise', reason: '回告不实', replyBy: '2026-03-06' }, supervisor)).toMatchObject({ status: 'issued', level: 'orange' });
  });

  it('who may do what: supervisors of the issuing tree issue, return, raise and close; the center answers', () => {
    const card = issued();
    for (const actor of [director, leader, clerk, otherSupervisor, otherDirector]) {
      expect(decideCard(null, { action: 'issue', level: 'blue', content: '督办', replyBy: '2026-03-05' }, ctx(actor))).toMatchObject({ ok: false, code: 'CARD_NOT_ALLOWED', status: 403 });
    }
    for (const actor of [supervisor, clerk, otherSupervisor, otherDirector]) {
      expect(decideCard(card, { action: 'reply', content: '回告' }, ctx(actor))).toMatchObject({ ok: false, code: 'CARD_NOT_ALLOWED' });
    }
    const replied = apply(card, { action: 'reply', content: '回告' }, director);
    for (const actor of [director, leader, otherSupervisor]) {
      expect(decideCard(replied, { action: 'close' }, ctx(actor))).toMatchObject({ ok: false, code: 'CARD_NOT_ALLOWED' });
    }
    // a person both supervisor and director of the center acts as the supervisor
    expect(partyOf({ userId: 'x', roles: ['supervisor', 'director'], coversIssuer: true, atAnsweringCenter: true })).toBe('supervisor');
    expect(partyOf({ userId: 'x', roles: ['sysadmin'], coversIssuer: true, atAnsweringCenter: true })).toBeNull();
  });

  it('a card is closed only after an answer, and answered only while it waits for one', () => {
    expect(decideCard(issued(), { action: 'close' }, ctx(supervisor))).toMatchObject({ ok: false, code: 'CARD_WRONG_STATE', status: 409 });
    const replied = apply(issued(), { action: 'reply', content: '回告' }, director);
    expect(decideCard(replied, { action: 'reply', content: '再回告' }, ctx(director))).toMatchObject({ ok: false, code: 'CARD_WRONG_STATE' });
    expect(decideCard(issued(), { action: 'return', reason: '退回' }, ctx(supervisor))).toMatchObject({ ok: false, code: 'CARD_WRONG_STATE' });
  });

  it('needs the text of each step', () => {
    expect(decideCard(null, { action: 'issue', level: 'blue', content: '  ', replyBy: '2026-03-05' }, ctx(supervisor))).toMatchObject({ ok: false, code: 'CARD_TEXT_REQUIRED' });
    expect(decideCard(issued(), { action: 'reply', content: '' }, ctx(director))).toMatchObject({ ok: false, code: 'CARD_TEXT_REQUIRED' });
    expect(decideCard(issued(), { action: 'raise', reason: ' ', replyBy: '2026-03-06' }, ctx(supervisor))).toMatchObject({ ok: false, code: 'CARD_TEXT_REQUIRED' });
    const replied = apply(issued(), { action: 'reply', content: '回告' }, director);
    expect(decideCard(replied, { action: 'return', reason: '' }, ctx(supervisor))).toMatchObject({ ok: false, code: 'CARD_TEXT_REQUIRED' });
    expect(decideCard(replied, { action: 'close' }, ctx(supervisor))).toMatchObject({ ok: true }); // 销号意见 may be left out
  });
});

describe('回告期限', () => {
  it('is a working day after today, within 60 days', () => {
    expect(replyByProblem(calendar, TODAY, '2026-03-03')).toBeNull();
    expect(replyByProblem(calendar, TODAY, TODAY)).toMatch(/须晚于今天/);
    expect(replyByProblem(calendar, TODAY, '2026-03-01')).toMatch(/须晚于今天/);
    expect(replyByProblem(calendar, TODAY, '2026-03-07')).toMatch(/2026-03-07 是休息日.*2026-03-09/); // a Saturday
    expect(replyByProblem(calendar, TODAY, '2026-03-04')).toMatch(/休息日/); // the calendar's day off
    expect(replyByProblem(calendar, TODAY, '2026-04-30')).toBeNull(); // 59 days ahead, a Thursday
    expect(replyByProblem(calendar, TODAY, '2026-05-04')).toMatch(/不能超过 60 天/);
    expect(replyByProblem(calendar, TODAY, '2026-02-30')).toMatch(/不是正确的日期/);
    const d = decideCard(null, { action: 'issue', level: 'red', content: '问责', replyBy: '2026-03-07' }, ctx(supervisor));
    expect(d).toMatchObject({ ok: false, code: 'CARD_INVALID_REPLY_DATE', status: 422 });
  });

  it('proposes 5, 3 and 2 working days for blue, orange and red', () => {
    expect(defaultReplyBy(calendar, TODAY, 'blue')).toBe('2026-03-10'); // Tue, (Wed off), Thu, Fri, Mon, Tue
    expect(defaultReplyBy(calendar, TODAY, 'orange')).toBe('2026-03-06');
    expect(defaultReplyBy(calendar, TODAY, 'red')).toBe('2026-03-05');
  });

  it('a raise needs a new date after today; a return keeps the old one unless it sets another', () => {
    const card = issued();
    const later = { now: new Date('2026-03-06T09:00:00+08:00'), today: '2026-03-06', calendar, actor: supervisor };
    expect(decideCard(card, { action: 'raise', reason: '逾期', replyBy: '2026-03-05' }, later)).toMatchObject({ ok: false, code: 'CARD_INVALID_REPLY_DATE' });
    const replied = apply(card, { action: 'reply', content: '回告' }, director);
    // the old date has passed, and the return keeps it: allowed, the card is then late at once
    const returned = decideCard(replied, { action: 'return', reason: '不充分' }, later);
    expect(returned).toMatchObject({ ok: true, card: { replyBy: '2026-03-05' } });
  });
});

describe('督办灯', () => {
  it('green before the reply date, yellow on it, red after it; none once answered', () => {
    const card = issued(); // reply by 2026-03-05
    expect(cardLight(card, '2026-03-03')).toBe('green');
    expect(cardLight(card, '2026-03-05')).toBe('yellow');
    expect(cardLight(card, '2026-03-06')).toBe('red');
    expect(isLate(card, '2026-03-06')).toBe(true);
    expect(isLate(card, '2026-03-05')).toBe(false);
    const replied = apply(card, { action: 'reply', content: '回告' }, director);
    expect(cardLight(replied, '2026-03-09')).toBeNull();
    expect(cardLight({ ...replied, status: 'returned' }, '2026-03-09')).toBe('red');
  });

  it('numbers cards by year and sequence', () => {
    expect(cardNumber(2026, 12)).toBe('督〔2026〕12号');
  });
});

describe('督办单（随机操作序列）', () => {
  const actors = [supervisor, director, leader, clerk, otherSupervisor, otherDirector];
  const anyRole = fc.subarray([...ROLES] as Role[], { minLength: 1, maxLength: 3 });
  const actorArb: fc.Arbitrary<CardActor> = fc.oneof(
    fc.constantFrom(...actors),
    fc.record({ userId: fc.constant('rnd'), roles: anyRole, coversIssuer: fc.boolean(), atAnsweringCenter: fc.boolean() }),
  );
  const date = fc.integer({ min: -3, max: 70 }).map((d) => new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10));
  const text = fc.constantFrom('', '  ', '回告内容', '督办内容', '理由');
  const commandArb: fc.Arbitrary<CardCommand> = fc.oneof(
    fc.record({ action: fc.constant('issue' as const), level: fc.constantFrom(...CARD_LEVELS), content: text, replyBy: date }),
    fc.record({ action: fc.constant('reply' as const), content: text }),
    fc.record({ action: fc.constant('return' as const), reason: text, replyBy: fc.option(date, { nil: undefined }) }),
    fc.record({ action: fc.constant('raise' as const), reason: text, replyBy: date }),
    fc.record({ action: fc.constant('close' as const), remark: fc.option(text, { nil: undefined }) }),
  );

  it('never reaches a state outside the table; each accepted action adds one step, a refused one changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(commandArb, actorArb, fc.integer({ min: 0, max: 20 })), { maxLength: 30 }), (steps) => {
        let card: CardState | null = null;
        let day = 0;
        for (const [command, actor, wait] of steps) {
          day += wait % 3;
          const today = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
          const before: CardState | null = card;
          const allowed = allowedCardActions(before, actor);
          const d = decideCard(before, command, { now: new Date(`${today}T01:00:00Z`), today, calendar, actor });
          if (!d.ok) {
            expect(['CARD_NOT_ALLOWED', 'CARD_WRONG_STATE', 'CARD_INVALID_REPLY_DATE', 'CARD_ALREADY_RED', 'CARD_TEXT_REQUIRED']).toContain(d.code);
            expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
            continue;
          }
          // only what the buttons offer is ever accepted
          expect(allowed).toContain(command.action);
          card = d.card;
          expect(CARD_STATUSES).toContain(card.status);
          expect(CARD_LEVELS).toContain(card.level);
          expect(card.status).toBe(TRANSITIONS[command.action].to);
          expect(card.history.length).toBe((before?.history.length ?? 0) + 1);
          expect(card.version).toBe((before?.version ?? 0) + 1);
          expect(card.history.slice(0, -1)).toEqual(before?.history ?? []);
          expect(d.step).toBe(card.history.at(-1));
          // the colour never goes down, and goes up only by a raise, one step at a time
          const was = before ? CARD_LEVELS.indexOf(before.level) : -1;
          const now = CARD_LEVELS.indexOf(card.level);
          if (command.action === 'raise') expect(now).toBe(was + 1);
          else if (before) expect(now).toBe(was);
          expect(card.replyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        // a closed card takes nothing more, from anyone
        if (card?.status === 'closed') for (const a of actors) expect(allowedCardActions(card, a)).toEqual([]);
        // the history replays: each step starts where the previous one ended
        const history = card?.history ?? [];
        history.forEach((s, i) => expect(s.from).toBe(i === 0 ? null : history[i - 1]!.to));
      }),
      { numRuns: 400 },
    );
  });

  it('every action of the table has a side and a status it starts from', () => {
    for (const a of CARD_ACTIONS) {
      expect(TRANSITIONS[a].from.length).toBeGreaterThan(0);
      expect(['supervisor', 'answerer']).toContain(TRANSITIONS[a].by);
    }
  });
});
