import { afterAll, describe, expect, it } from 'vitest';
import {
  CASE_RULE_CODES,
  applyDecision,
  decide,
  toDomainError,
  type CaseRuleCode,
  type Decision,
  type Rejection,
} from '../../../src/domain/cases/index.js';
import { ACTION_INPUT_SCHEMAS } from '../../../src/domain/cases/action-inputs.js';
import { DomainError } from '../../../src/domain/errors.js';
import { LATER, NOW, countyItem, ctx, expectOk, item, jointItem, stateIn } from './fixtures.js';

const seen = new Set<CaseRuleCode>();
const INTAKE_CODES: CaseRuleCode[] = [
  'IN_PERSON_REQUIRED',
  'PROXY_NOT_ALLOWED',
  'ONLINE_NOT_ALLOWED',
  'NOT_RECEIVABLE_HERE',
  'CHANNEL_NOT_ALLOWED', // channel.test.ts
  'MATERIALS_NOT_CHECKED',
  'NOT_A_REFUSAL', // refusal-review.test.ts
  'REFUSAL_ALREADY_REVIEWED',
  'NO_OBJECTION', // objection-answer.test.ts
  'OBJECTION_ALREADY_ANSWERED',
  'OWN_OBJECTION',
  'ANSWER_REQUIRED',
]; // tested in intake.test.ts

function rejected(result: Decision | Rejection, code: CaseRuleCode): Rejection {
  expect(result).toMatchObject({ ok: false, code });
  if (result.ok) throw new Error('unreachable');
  expect(result.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese sentence for the clerk
  expect(result.message).toMatch(/[。）]$/);
  seen.add(code);
  return result;
}

afterAll(() => {
  expect(CASE_RULE_CODES.filter((c) => !INTAKE_CODES.includes(c) && !seen.has(c))).toEqual([]);
});

const pending = { reason: '需补充调查', days: 5, requestedAt: NOW.toISOString() };
const director = ctx('township', ['director']);

describe('status and actor', () => {
  it('ACTION_NOT_ALLOWED: no row for this status', () => {
    rejected(decide(stateIn('completed'), 'withdraw', {}, ctx()), 'ACTION_NOT_ALLOWED');
    expectOk(decide(stateIn('in_progress'), 'withdraw', {}, ctx()));
  });

  it('NOT_CASE_HOLDER: only the level holding the case acts on it', () => {
    const r = rejected(decide(stateIn('in_progress'), 'complete', { outcome: 'approved' }, ctx('county')), 'NOT_CASE_HOLDER');
    expect(r.message).toContain('乡镇便民服务中心');
    expectOk(decide(stateIn('in_progress'), 'complete', { outcome: 'approved' }, ctx('township')));
  });

  it('NOT_RECEIVING_LEVEL / NOTHING_TO_RECEIVE: receive only what was sent to your level', () => {
    const sent = stateIn('submitted', {
      receivingLevel: 'village',
      holderLevel: 'village',
      transit: { from: 'village', to: 'township', urgent: false, at: NOW.toISOString() },
    });
    rejected(decide(sent, 'receive', {}, ctx('county')), 'NOT_RECEIVING_LEVEL');
    rejected(decide(sent, 'receive', {}, ctx('village', ['agent'])), 'NOT_RECEIVING_LEVEL');
    expectOk(decide(sent, 'receive', {}, ctx('township')));
    rejected(decide(stateIn('submitted'), 'receive', {}, ctx('township')), 'NOTHING_TO_RECEIVE');
  });

  it('IN_TRANSIT: nothing but receive and withdraw while on the way', () => {
    const sent = stateIn('in_progress', {
      kind: 'escalated',
      item: countyItem(),
      transit: { from: 'township', to: 'county', urgent: false, at: NOW.toISOString() },
    });
    rejected(decide(sent, 'transfer', { toWindowId: 'w9' }, ctx()), 'IN_TRANSIT');
    rejected(decide(sent, 'escalate', {}, ctx()), 'IN_TRANSIT');
    const withdrawn = applyDecision(sent, expectOk(decide(sent, 'withdraw', {}, ctx())));
    expect(withdrawn.transit).toBeNull();
  });
});

describe('village forwarding and escalation (rule 9)', () => {
  const atVillage = stateIn('submitted', { receivingLevel: 'village', holderLevel: 'village' });
  const agent = ctx('village', ['agent']);

  it('FORWARD_REQUIRED: a village does not accept a township item', () => {
    rejected(decide(atVillage, 'accept', {}, agent), 'FORWARD_REQUIRED');
    const villageItem = { ...atVillage, item: item({ level: 'village', acceptLevels: ['village'] }) };
    expectOk(decide(villageItem, 'accept', {}, agent));
  });

  it('FORWARD_NOT_NEEDED: a village item is handled at the village', () => {
    const villageItem = { ...atVillage, item: item({ level: 'village', acceptLevels: ['village'] }) };
    rejected(decide(villageItem, 'forward', {}, agent), 'FORWARD_NOT_NEEDED');
    expectOk(decide(atVillage, 'forward', {}, agent));
  });

  it('NOT_AT_VILLAGE: only a village forwards', () => {
    rejected(decide(stateIn('submitted'), 'forward', {}, ctx()), 'NOT_AT_VILLAGE');
  });

  it('NOT_ESCALATABLE: only an escalated case, only from the township', () => {
    rejected(decide(stateIn('in_progress'), 'escalate', {}, ctx()), 'NOT_ESCALATABLE');
    const atCounty = stateIn('in_progress', { kind: 'escalated', item: countyItem(), holderLevel: 'county' });
    rejected(decide(atCounty, 'escalate', {}, ctx('county')), 'NOT_ESCALATABLE');
    expectOk(decide(stateIn('in_progress', { kind: 'escalated', item: countyItem() }), 'escalate', {}, ctx()));
  });

  it('NOT_DECIDING_LEVEL: a county item is decided at the county', () => {
    const escalated = stateIn('in_progress', { kind: 'escalated', item: countyItem() });
    const r = rejected(decide(escalated, 'complete', { outcome: 'approved' }, ctx()), 'NOT_DECIDING_LEVEL');
    expect(r.message).toContain('上报县级');
    expectOk(decide({ ...escalated, holderLevel: 'county' }, 'complete', { outcome: 'approved' }, ctx('county')));
  });
});

describe('one-time notice (rule 1)', () => {
  it('MATERIAL_NOT_IN_GUIDE: only what the guide lists', () => {
    const r = rejected(decide(stateIn('submitted'), 'notify-supplement', { missing: ['房屋产权证明'] }, ctx()), 'MATERIAL_NOT_IN_GUIDE');
    expect(r.details).toEqual({ materials: ['房屋产权证明'] });
    rejected(decide(stateIn('awaiting_supplement'), 'supplement', { materials: ['房屋产权证明'] }, ctx()), 'MATERIAL_NOT_IN_GUIDE');
    expectOk(decide(stateIn('submitted'), 'notify-supplement', { missing: ['结婚证（已婚的提供）'] }, ctx()));
  });

  it('SUPPLEMENT_ALREADY_NOTIFIED: a second notice is refused', () => {
    const notified = stateIn('in_progress', {
      supplementNotice: { missing: ['结婚证（已婚的提供）'], defectNote: null, at: NOW.toISOString() },
      providedMaterials: ['申请表', '居民身份证', '居民户口簿', '结婚证（已婚的提供）'],
    });
    const r = rejected(decide(notified, 'notify-supplement', { missing: ['居民户口簿'] }, ctx()), 'SUPPLEMENT_ALREADY_NOTIFIED');
    expect(r.message).toBe('本件已出具过一次性告知书，不能再次要求补正材料。如发现已交材料有缺陷，请在“缺陷说明”中写明后再告知。');
    // with a recorded defect in a material on file it is allowed, and is not a second notice
    const d = expectOk(decide(notified, 'notify-supplement', { missing: ['居民户口簿'], defectNote: '户口簿缺少本人页' }, ctx()));
    const after = applyDecision(notified, d);
    expect(after.supplementNotice).toEqual(notified.supplementNotice);
    expect(after.defectRequests).toEqual([{ materials: ['居民户口簿'], note: '户口簿缺少本人页', at: NOW.toISOString() }]);
    expect(after.providedMaterials).not.toContain('居民户口簿');
    expect(after).toMatchObject({ status: 'awaiting_supplement', clock: 'paused' });
    // a defect note does not open the door to materials that were never on file
    const notOnFile = { ...notified, providedMaterials: ['申请表', '居民身份证'] };
    rejected(decide(notOnFile, 'notify-supplement', { missing: ['居民户口簿'], defectNote: '没交' }, ctx()), 'SUPPLEMENT_ALREADY_NOTIFIED');
  });

  it('DEFECT_NOTE_REQUIRED: asking again for a material on file needs the defect written down', () => {
    rejected(decide(stateIn('in_progress'), 'notify-supplement', { missing: ['居民身份证'] }, ctx()), 'DEFECT_NOTE_REQUIRED');
    const d = expectOk(decide(stateIn('in_progress'), 'notify-supplement', { missing: ['居民身份证'], defectNote: '已过有效期' }, ctx()));
    expect(d.patch.supplementNotice).toEqual({ missing: ['居民身份证'], defectNote: '已过有效期', at: NOW.toISOString() });
  });

  it('SUPPLEMENT_NOT_REQUESTED: only what the notice asked for', () => {
    const r = rejected(decide(stateIn('awaiting_supplement'), 'supplement', { materials: ['申请表'] }, ctx()), 'SUPPLEMENT_NOT_REQUESTED');
    expect(r.message).toContain('本件尚缺：结婚证（已婚的提供）');
    expectOk(decide(stateIn('awaiting_supplement'), 'supplement', { materials: ['结婚证（已婚的提供）'] }, ctx()));
  });

  it('the clock starts when the supplement is complete, not before', () => {
    const st = stateIn('awaiting_supplement', {
      supplementNotice: { missing: ['居民户口簿', '结婚证（已婚的提供）'], defectNote: null, at: NOW.toISOString() },
      providedMaterials: ['申请表', '居民身份证'],
    });
    const partial = applyDecision(st, expectOk(decide(st, 'supplement', { materials: ['居民户口簿'] }, ctx())));
    expect(partial).toMatchObject({ status: 'awaiting_supplement', clock: 'not_started', acceptedAt: null });
    const later = LATER(3);
    const done = expectOk(decide(partial, 'supplement', { materials: ['结婚证（已婚的提供）'] }, ctx('township', ['clerk'], later)));
    expect(done).toMatchObject({ to: 'in_progress', clock: 'start', deadline: { type: 'start', from: later.toISOString() } });
    expect(applyDecision(partial, done)).toMatchObject({ clock: 'running', acceptedAt: later.toISOString() });
  });
});

describe('written refusal (rule 2)', () => {
  it('REFUSAL_REASONS_REQUIRED: return needs reasons and basis', () => {
    const r = rejected(decide(stateIn('in_progress'), 'return', { reasons: '不符合条件' }, ctx()), 'REFUSAL_REASONS_REQUIRED');
    expect(r.details).toEqual({ lacking: ['依据'] });
    rejected(decide(stateIn('submitted'), 'return', { reasons: '  ', basis: '  ' }, ctx()), 'REFUSAL_REASONS_REQUIRED');
    const ok = expectOk(decide(stateIn('submitted'), 'return', { reasons: '不符合条件', basis: '第三条' }, ctx()));
    expect(ok.patch.refusal).toEqual({ reasons: '不符合条件', basis: '第三条' });
  });

  it('REFUSAL_REASONS_REQUIRED: so does a denial, not an approval', () => {
    rejected(decide(stateIn('in_progress'), 'complete', { outcome: 'denied', basis: '第三条' }, ctx()), 'REFUSAL_REASONS_REQUIRED');
    expectOk(decide(stateIn('in_progress'), 'complete', { outcome: 'denied', reasons: '不符合条件', basis: '第三条' }, ctx()));
    expectOk(decide(stateIn('in_progress'), 'complete', { outcome: 'approved' }, ctx()));
  });
});

describe('pauses for special steps only (rule 4)', () => {
  it('PAUSE_NOT_SPECIAL_STEP: the item must declare the step', () => {
    const r = rejected(decide(stateIn('in_progress'), 'pause', { reason: '等领导签字', limitDays: 2 }, ctx()), 'PAUSE_NOT_SPECIAL_STEP');
    expect(r.message).toContain('公示（不超过 7 个工作日）');
    const noSteps = stateIn('in_progress', { item: item({ specialSteps: [] }) });
    rejected(decide(noSteps, 'pause', { reason: '公示', limitDays: 2 }, ctx()), 'PAUSE_NOT_SPECIAL_STEP');
    expectOk(decide(stateIn('in_progress'), 'pause', { reason: '现场踏勘', limitDays: 3 }, ctx()));
  });

  it('PAUSE_LIMIT_EXCEEDED: not longer than the step allows', () => {
    rejected(decide(stateIn('in_progress'), 'pause', { reason: '公示', limitDays: 8 }, ctx()), 'PAUSE_LIMIT_EXCEEDED');
    const d = expectOk(decide(stateIn('in_progress'), 'pause', { reason: '公示', limitDays: 7 }, ctx()));
    expect(d.patch).toEqual({ activeStep: { name: '公示', limitDays: 7, countsTowardLegal: false }, pausedAt: NOW.toISOString() });
  });
});

describe('extensions (rule 5)', () => {
  it('EXTENSION_AFTER_DUE: asked and approved before the due date', () => {
    const overdue = ctx('township', ['clerk'], LATER(15));
    const r = rejected(decide(stateIn('in_progress'), 'request-extension', { reason: 'x', days: 2 }, overdue), 'EXTENSION_AFTER_DUE');
    expect(r.message).toContain('2025-03-18 10:00');
    rejected(
      decide(stateIn('in_progress', { pendingExtension: pending }), 'approve-extension', {}, ctx('township', ['director'], LATER(15))),
      'EXTENSION_AFTER_DUE',
    );
    expectOk(decide(stateIn('in_progress'), 'request-extension', { reason: 'x', days: 2 }, ctx('township', ['clerk'], LATER(13))));
  });

  it('EXTENSION_BEYOND_LEGAL_LIMIT: promise + extensions ≤ legal days', () => {
    // legal 20, promised 10
    const r = rejected(decide(stateIn('in_progress'), 'request-extension', { reason: 'x', days: 11 }, ctx()), 'EXTENSION_BEYOND_LEGAL_LIMIT');
    expect(r.details).toEqual({ maxDays: 10 });
    rejected(decide(stateIn('in_progress', { extensionDays: 8 }), 'request-extension', { reason: 'x', days: 3 }, ctx()), 'EXTENSION_BEYOND_LEGAL_LIMIT');
    rejected(decide(stateIn('in_progress', { extensionDays: 10 }), 'request-extension', { reason: 'x', days: 1 }, ctx()), 'EXTENSION_BEYOND_LEGAL_LIMIT');
    expectOk(decide(stateIn('in_progress', { extensionDays: 8 }), 'request-extension', { reason: 'x', days: 2 }, ctx()));
  });

  it('EXTENSION_BEYOND_LEGAL_LIMIT: an item without a legal limit cannot be extended', () => {
    const noLegal = stateIn('in_progress', { item: item({ legalDays: null }) });
    const r = rejected(decide(noLegal, 'request-extension', { reason: 'x', days: 1 }, ctx()), 'EXTENSION_BEYOND_LEGAL_LIMIT');
    expect(r.message).toContain('没有法定办结时限');
  });

  it('EXTENSION_ALREADY_PENDING: one request at a time', () => {
    rejected(decide(stateIn('in_progress', { pendingExtension: pending }), 'request-extension', { reason: 'x', days: 1 }, ctx()), 'EXTENSION_ALREADY_PENDING');
  });

  it('NO_EXTENSION_PENDING: nothing to approve or reject', () => {
    rejected(decide(stateIn('in_progress'), 'approve-extension', {}, director), 'NO_EXTENSION_PENDING');
    rejected(decide(stateIn('in_progress'), 'reject-extension', {}, director), 'NO_EXTENSION_PENDING');
  });

  it('DIRECTOR_APPROVAL_REQUIRED: a director decides', () => {
    const st = stateIn('in_progress', { pendingExtension: pending });
    rejected(decide(st, 'approve-extension', {}, ctx('township', ['clerk', 'leader'])), 'DIRECTOR_APPROVAL_REQUIRED');
    rejected(decide(st, 'reject-extension', {}, ctx('township', ['clerk'])), 'DIRECTOR_APPROVAL_REQUIRED');
    expectOk(decide(st, 'approve-extension', {}, director));
    expectOk(decide(st, 'reject-extension', { comment: '理由不充分' }, director));
  });
});

describe('joint cases', () => {
  const joint = stateIn('in_progress', { kind: 'joint', item: jointItem() });
  const review = (department: string, opinion: 'agree' | 'disagree' = 'agree') => ({ department, opinion, comment: '意见', at: NOW.toISOString() });

  it('NOT_JOINT_CASE', () => {
    rejected(decide(stateIn('in_progress'), 'review', { department: '乡镇农业农村办', opinion: 'agree' }, ctx()), 'NOT_JOINT_CASE');
  });

  it('UNKNOWN_JOINT_DEPARTMENT', () => {
    const r = rejected(decide(joint, 'review', { department: '县公安局', opinion: 'agree' }, ctx()), 'UNKNOWN_JOINT_DEPARTMENT');
    expect(r.message).toContain('乡镇农业农村办、乡镇自然资源所');
  });

  it('ALREADY_REVIEWED', () => {
    const once = { ...joint, reviews: [review('乡镇农业农村办')] };
    rejected(decide(once, 'review', { department: '乡镇农业农村办', opinion: 'disagree', comment: '改主意' }, ctx()), 'ALREADY_REVIEWED');
    expectOk(decide(once, 'review', { department: '乡镇自然资源所', opinion: 'agree' }, ctx()));
  });

  it('REVIEW_COMMENT_REQUIRED: a disagreement gives its reasons', () => {
    rejected(decide(joint, 'review', { department: '乡镇自然资源所', opinion: 'disagree' }, ctx()), 'REVIEW_COMMENT_REQUIRED');
    expectOk(decide(joint, 'review', { department: '乡镇自然资源所', opinion: 'disagree', comment: '占用基本农田' }, ctx()));
  });

  it('JOINT_REVIEWS_INCOMPLETE: every department answers before completion', () => {
    const once = { ...joint, reviews: [review('乡镇农业农村办')] };
    const r = rejected(decide(once, 'complete', { outcome: 'approved' }, ctx()), 'JOINT_REVIEWS_INCOMPLETE');
    expect(r.details).toEqual({ missing: ['乡镇自然资源所'] });
    expectOk(decide({ ...joint, reviews: [review('乡镇农业农村办'), review('乡镇自然资源所')] }, 'complete', { outcome: 'approved' }, ctx()));
  });

  it('JOINT_REVIEW_DISAGREED: no approval over a department that disagreed', () => {
    const against = { ...joint, reviews: [review('乡镇农业农村办'), review('乡镇自然资源所', 'disagree')] };
    rejected(decide(against, 'complete', { outcome: 'approved' }, ctx()), 'JOINT_REVIEW_DISAGREED');
    expectOk(decide(against, 'complete', { outcome: 'denied', reasons: '占用基本农田', basis: '《土地管理法》' }, ctx()));
  });
});

describe('other rules', () => {
  it('FEE_ABOVE_STANDARD: only the legal fee (rule 6)', () => {
    rejected(decide(stateIn('in_progress'), 'complete', { outcome: 'approved', feeCharged: 10 }, ctx()), 'FEE_ABOVE_STANDARD');
    const paid = stateIn('in_progress', { item: item({ fee: { amount: 20 } }) });
    rejected(decide(paid, 'complete', { outcome: 'approved', feeCharged: 25 }, ctx()), 'FEE_ABOVE_STANDARD');
    rejected(decide(paid, 'complete', { outcome: 'approved', feeCharged: 20 }, ctx()), 'FEE_RECEIPT_REQUIRED');
    expectOk(decide(paid, 'complete', { outcome: 'approved', feeCharged: 20, receiptNo: '豫财票 0012345' }, ctx()));
    expectOk(decide(paid, 'complete', { outcome: 'approved', feeCharged: 0 }, ctx()));
  });

  it('FEE_ABOVE_STANDARD: the message speaks of 代办 only on a case that came through an agent', () => {
    const free = item({ name: '老年人优待证办理', fee: { amount: 0 } });
    const inPerson = rejected(decide(stateIn('in_progress', { item: free }), 'complete', { outcome: 'approved', feeCharged: 10 }, ctx()), 'FEE_ABOVE_STANDARD');
    expect(inPerson.message).toBe('“老年人优待证办理”不收费，请退还已收的 10 元。');
    const proxied = stateIn('in_progress', { item: free, proxy: { authorized: true } });
    expect(rejected(decide(proxied, 'complete', { outcome: 'approved', feeCharged: 10 }, ctx()), 'FEE_ABOVE_STANDARD').message).toContain('代办服务一律免费');
    const viaVillage = stateIn('in_progress', { item: item({ fee: { amount: 20 } }), receivingLevel: 'village', proxy: { authorized: false } });
    const above = rejected(decide(viaVillage, 'complete', { outcome: 'approved', feeCharged: 25 }, ctx()), 'FEE_ABOVE_STANDARD');
    expect(above.message).toBe('“' + viaVillage.item.name + '”的收费标准是 20 元，不能多收（本次填写 25 元）。本件是代办件，代办服务一律免费。');
    const paid = stateIn('in_progress', { item: item({ fee: { amount: 20 } }) });
    expect(rejected(decide(paid, 'complete', { outcome: 'approved', feeCharged: 25 }, ctx()), 'FEE_ABOVE_STANDARD').message).not.toContain('代办');
  });

  it('FEE_ABOVE_STANDARD: nothing at all is charged at the village, whatever the item costs above (proxy is free)', () => {
    const atVillage = stateIn('in_progress', { receivingLevel: 'village', holderLevel: 'village', item: item({ level: 'village', fee: { amount: 20 } }) });
    const agent = ctx('village', ['agent']);
    const refused = rejected(decide(atVillage, 'complete', { outcome: 'approved', feeCharged: 5, receiptNo: 'X1' }, agent), 'FEE_ABOVE_STANDARD');
    expect(refused.message).toContain('免费');
    expectOk(decide(atVillage, 'complete', { outcome: 'approved' }, agent));
  });

  it('SAME_WINDOW', () => {
    rejected(decide(stateIn('in_progress'), 'transfer', { toWindowId: 'w1' }, ctx()), 'SAME_WINDOW');
  });

  it('DELIVERY_TIME_INVALID: not in the future', () => {
    rejected(decide(stateIn('completed'), 'deliver', { method: 'mail', at: LATER(1).toISOString() }, ctx()), 'DELIVERY_TIME_INVALID');
    const d = expectOk(decide(stateIn('completed'), 'deliver', { method: 'agent', at: '2025-03-04T18:00:00+08:00' }, { ...ctx(), now: LATER(1) }));
    expect(d.patch.delivery).toEqual({ method: 'agent', at: '2025-03-04T10:00:00.000Z' });
  });

  it('RESULT_VALIDITY_PAST: a 证照 is valid until today or later, in the center\'s own date', () => {
    // NOW is 2025-03-04 10:00 in Shanghai
    const refused = rejected(decide(stateIn('in_progress'), 'complete', { outcome: 'approved', resultValidUntil: '2015-03-03' }, ctx()), 'RESULT_VALIDITY_PAST');
    expect(refused.message).toContain('2015-03-03');
    rejected(decide(stateIn('in_progress'), 'complete', { outcome: 'approved', resultValidUntil: '2025-03-03' }, ctx()), 'RESULT_VALIDITY_PAST');
    expectOk(decide(stateIn('in_progress'), 'complete', { outcome: 'approved', resultValidUntil: '2025-03-04' }, ctx()));
    // at 01:30 UTC it is 4 March in Shanghai but still 3 March in Honolulu
    const early = { ...ctx(), now: new Date('2025-03-04T01:30:00Z') };
    rejected(decide(stateIn('in_progress'), 'complete', { outcome: 'approved', resultValidUntil: '2025-03-03' }, early), 'RESULT_VALIDITY_PAST');
    expectOk(decide(stateIn('in_progress'), 'complete', { outcome: 'approved', resultValidUntil: '2025-03-03' }, { ...early, timeZone: 'Pacific/Honolulu' }));
    // a day that does not exist never reaches the rule
    expect(ACTION_INPUT_SCHEMAS.complete.safeParse({ outcome: 'approved', resultValidUntil: '2026-02-30' }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS.complete.safeParse({ outcome: 'approved', resultValidUntil: '2028-02-29' }).success).toBe(true);
  });

  it('DELIVERY_TIME_INVALID: not before the case was decided (or, decided before that was kept, accepted)', () => {
    const decided = { ...stateIn('completed'), acceptedAt: '2025-03-01T00:00:00.000Z', completedAt: '2025-03-04T02:00:00.000Z' };
    const early = rejected(decide(decided, 'deliver', { method: 'agent', at: '2025-03-04T09:59:00+08:00' }, ctx()), 'DELIVERY_TIME_INVALID');
    expect(early.message).toContain('不能早于办结时间');
    expectOk(decide(decided, 'deliver', { method: 'agent', at: '2025-03-04T10:00:00+08:00' }, ctx()));
    const older = { ...decided, completedAt: null };
    rejected(decide(older, 'deliver', { method: 'window', at: '2020-01-01T10:00:00+08:00' }, ctx()), 'DELIVERY_TIME_INVALID');
    // the completion stamps the time the case was decided
    const done = expectOk(decide({ ...stateIn('in_progress') }, 'complete', { outcome: 'approved' }, ctx()));
    expect(done.patch.completedAt).toBe(ctx().now.toISOString());
  });

  it('toDomainError keeps the code and the message for the HTTP layer', () => {
    const r = rejected(decide(stateIn('completed'), 'withdraw', {}, ctx()), 'ACTION_NOT_ALLOWED');
    const e = toDomainError(r);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: r.message, status: 422 });
  });
});
