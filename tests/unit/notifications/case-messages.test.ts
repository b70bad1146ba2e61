import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../src/domain/cases/model.js';
import { caseMessages, lightWarnings, warnedLight, type CaseMessageFacts, type StepEvent } from '../../../src/domain/notifications/case-messages.js';
import { renderTemplate } from '../../../src/domain/notifications/templates.js';
import { stateIn } from '../cases/fixtures.js';

const facts: CaseMessageFacts = {
  caseId: 'c1',
  caseNo: 'LH-20260302-0001',
  itemName: '临时救助',
  applicantPhone: '13812345678',
  centerName: '柳河镇便民服务中心',
  receivingLevel: 'township',
  channel: 'window',
  timeZone: 'Asia/Shanghai',
};
const DUE = '2026-03-16T09:30:00.000Z';
const ev = (type: string, from: StepEvent['from'], to: StepEvent['to'], data: Record<string, unknown> = {}): StepEvent => ({ id: 'e1', type, from, to, data });
const accepted = (overrides: Partial<CaseState> = {}) => stateIn('in_progress', { acceptedAt: '2026-03-02T01:00:00.000Z', dueAt: DUE, ...overrides });
const texts = (ms: ReturnType<typeof caseMessages>) => ms.map((m) => renderTemplate(m.template, m.params));

describe('the messages a step of a case sends the applicant', () => {
  it('acceptance at intake, on 受理 and when the missing materials came: the due date, 暂定 when provisional', () => {
    const atIntake = caseMessages(ev('intake', null, 'in_progress'), null, accepted(), facts);
    expect(atIntake).toEqual([
      expect.objectContaining({ channel: 'sms', to: '13812345678', template: 'case-accepted', caseId: 'c1', dedupeKey: 'case-event:e1:case-accepted:sms' }),
    ]);
    expect(texts(atIntake)[0]).toBe('柳河镇便民服务中心：您申请的“临时救助”已受理，办件编号LH-20260302-0001，承诺于2026年3月16日17:30前办结。可凭办件编号和电话后四位查询办理进度。');
    const submitted = stateIn('submitted', { acceptedAt: null, dueAt: null });
    const onAccept = caseMessages(ev('accept', 'submitted', 'in_progress'), submitted, accepted({ dueProvisional: true }), facts);
    expect(texts(onAccept)[0]).toContain('前办结（暂定，以国务院公布的节假日安排为准）。');
    const waiting = stateIn('awaiting_supplement', { acceptedAt: null, dueAt: null });
    expect(caseMessages(ev('supplement', 'awaiting_supplement', 'in_progress'), waiting, accepted(), facts).map((m) => m.template)).toEqual(['case-accepted']);
  });

  it('no acceptance SMS for an 即办件 (done while the applicant waits), nor without a mobile number', () => {
    expect(caseMessages(ev('intake', null, 'in_progress'), null, accepted({ kind: 'immediate' }), facts)).toEqual([]);
    expect(caseMessages(ev('intake', null, 'in_progress'), null, accepted({ kind: 'immediate' }), { ...facts, channel: 'kiosk' })).toEqual([]);
    const waiting = stateIn('awaiting_supplement', { acceptedAt: null, dueAt: null });
    expect(caseMessages(ev('supplement', 'awaiting_supplement', 'in_progress'), waiting, accepted({ kind: 'immediate' }), facts)).toEqual([]);
    expect(caseMessages(ev('intake', null, 'in_progress'), null, accepted(), { ...facts, applicantPhone: '0371-66881234' })).toEqual([]);
  });

  it('an 即办件 accepted with nobody waiting — an online application after pre-review, a forwarded case — gets the acceptance SMS', () => {
    const online = caseMessages(ev('intake', null, 'in_progress', { channel: 'online' }), null, accepted({ kind: 'immediate' }), { ...facts, channel: 'online' });
    expect(online.map((m) => m.template)).toEqual(['case-accepted']);
    expect(texts(online)[0]).toContain('已受理，办件编号LH-20260302-0001');
    const submitted = stateIn('submitted', { acceptedAt: null, dueAt: null });
    const forwarded = caseMessages(ev('accept', 'submitted', 'in_progress'), submitted, accepted({ kind: 'immediate' }), { ...facts, channel: 'agent' });
    expect(forwarded.map((m) => m.template)).toEqual(['case-accepted']);
  });

  it('the one-time notice (at intake or later) names the materials', () => {
    const atIntake = caseMessages(ev('intake', null, 'awaiting_supplement', { missing: ['居民户口簿', '困难情况证明材料'] }), null, stateIn('awaiting_supplement'), facts);
    expect(texts(atIntake)).toEqual(['柳河镇便民服务中心：您申请的“临时救助”（办件编号LH-20260302-0001）需补正以下材料：居民户口簿、困难情况证明材料。请备齐后到柳河镇便民服务中心提交，材料补齐后即继续办理。']);
    const later = caseMessages(ev('notify-supplement', 'in_progress', 'awaiting_supplement', { missing: ['居民身份证'] }), accepted(), accepted({ status: 'awaiting_supplement', clock: 'paused' }), facts);
    expect(later.map((m) => m.template)).toEqual(['supplement-notice']);
  });

  it('materials complete after a pause: the new due date', () => {
    const before = accepted({ status: 'awaiting_supplement', clock: 'paused', pausedAt: '2026-03-03T01:00:00.000Z' });
    const ms = caseMessages(ev('supplement', 'awaiting_supplement', 'in_progress'), before, accepted({ dueAt: '2026-03-17T09:30:00.000Z' }), facts);
    expect(texts(ms)).toEqual(['柳河镇便民服务中心：您的办件LH-20260302-0001（临时救助）补正材料已收齐，继续办理，承诺于2026年3月17日17:30前办结。']);
    // still missing some: nothing yet
    expect(caseMessages(ev('supplement', 'awaiting_supplement', 'awaiting_supplement'), before, before, facts)).toEqual([]);
  });

  it('an approved extension and a provisional due date changed by the imported calendar: from what to what', () => {
    const ext = caseMessages(ev('approve-extension', 'in_progress', 'in_progress'), accepted(), accepted({ dueAt: '2026-03-20T09:30:00.000Z' }), facts);
    expect(texts(ext)).toEqual(['柳河镇便民服务中心：您的办件LH-20260302-0001（临时救助）经批准延期办理，办结时间由2026年3月16日17:30延至2026年3月20日17:30。']);
    const recount = caseMessages(ev('deadline-recomputed', 'in_progress', 'in_progress'), accepted({ dueProvisional: true }), accepted({ dueAt: '2026-03-18T09:30:00.000Z', dueProvisional: false }), facts);
    expect(texts(recount)).toEqual(['柳河镇便民服务中心：按国务院公布的节假日安排重新计算，您的办件LH-20260302-0001（临时救助）承诺办结时间由2026年3月16日17:30调整为2026年3月18日17:30。']);
    // the date did not move: nothing to tell
    expect(caseMessages(ev('deadline-recomputed', 'in_progress', 'in_progress'), accepted(), accepted(), facts)).toEqual([]);
  });

  it('completion says where to pick the result up; a village case comes back through the agent', () => {
    const done = stateIn('completed', { outcome: 'approved' });
    expect(texts(caseMessages(ev('complete', 'in_progress', 'completed'), accepted(), done, facts))).toEqual([
      '柳河镇便民服务中心：您申请的“临时救助”（办件编号LH-20260302-0001）已办结，结果：准予办理。请携带本人身份证到柳河镇便民服务中心领取。',
    ]);
    const village = caseMessages(ev('complete', 'in_progress', 'completed'), accepted(), { ...done, outcome: 'denied' }, { ...facts, centerName: '柳河村便民服务室', receivingLevel: 'village' });
    expect(texts(village)[0]).toContain('结果：不予批准（理由见不予批准决定书）。结果将送回柳河村便民服务室，由村代办员转交');
  });

  it('a return after intake says why; one at intake (the applicant is there) and other steps send nothing', () => {
    const returned = stateIn('returned', { refusal: { reasons: '申请人不符合临时救助条件', basis: '《社会救助暂行办法》' } });
    expect(texts(caseMessages(ev('return', 'in_progress', 'returned'), accepted(), returned, facts))[0]).toContain('已退回，原因：申请人不符合临时救助条件。');
    // the clerk's own full stop is not doubled by the template's
    const stopped = stateIn('returned', { refusal: { reasons: '申请人不符合临时救助条件。', basis: '《社会救助暂行办法》' } });
    expect(texts(caseMessages(ev('return', 'in_progress', 'returned'), accepted(), stopped, facts))[0]).toContain('原因：申请人不符合临时救助条件。如有疑问');
    expect(caseMessages(ev('intake', null, 'returned'), null, returned, facts)).toEqual([]);
    for (const type of ['transfer', 'forward', 'receive', 'review', 'request-extension', 'deliver', 'pause', 'light-changed']) {
      expect(caseMessages(ev(type, 'in_progress', 'in_progress'), accepted(), accepted(), facts), type).toEqual([]);
    }
  });
});

describe('the warnings when a light turns yellow or red', () => {
  it('warns only when the light moves up to yellow or red', () => {
    expect(warnedLight('green', 'yellow')).toBe('yellow');
    expect(warnedLight('yellow', 'red')).toBe('red');
    expect(warnedLight('green', 'red')).toBe('red');
    expect(warnedLight(null, 'yellow')).toBe('yellow');
    expect(warnedLight('yellow', 'yellow')).toBeNull();
    expect(warnedLight('red', 'yellow')).toBeNull();
    expect(warnedLight('yellow', 'green')).toBeNull();
    expect(warnedLight('red', null)).toBeNull();
  });

  it('an in-app message to each recipient and an SMS to each with a mobile number, once per change', () => {
    const f = { caseId: 'c1', caseNo: 'LH-1', itemName: '临时救助', centerName: '柳河镇便民服务中心', dueAt: DUE, timeZone: 'Asia/Shanghai' };
    const ms = lightWarnings(f, 'red', '2026-03-16T09:30:00.001Z', [
      { userId: 'clerk', phone: '13900000001' },
      { userId: 'director', phone: null },
      { userId: 'clerk', phone: '13900000001' },
    ]);
    expect(ms.map((m) => `${m.channel}:${m.to}`)).toEqual(['inbox:clerk', 'sms:13900000001', 'inbox:director']);
    expect(new Set(ms.map((m) => m.dedupeKey)).size).toBe(3);
    expect(ms[0]!.dedupeKey).toBe('light:c1:red:2026-03-16T09:30:00.001Z:inbox:clerk');
    expect(renderTemplate(ms[0]!.template, ms[0]!.params)).toBe('红灯警告：柳河镇便民服务中心的办件LH-1（临时救助）已超过承诺办结时间2026年3月16日17:30，请立即办理并说明原因。');
  });
});
