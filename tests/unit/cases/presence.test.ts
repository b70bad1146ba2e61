// Rule 11: an in-person item is never proxied, but it is received wherever its guide allows while the applicant is
// present; where the center cannot take it, the refusal names the place from data, never the room itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideIntake } from '../../../src/domain/cases/intake.js';
import { centerName } from '../../../src/domain/cases/model.js';
import { HANDLING_MODES, modeOf, presenceRejection, proxyOf, type HandlingMode } from '../../../src/domain/cases/presence.js';
import { ORG_LEVELS, type OrgLevel } from '../../../src/domain/orgs/tree.js';
import type { Venue } from '../../../src/domain/agents/venue.js';
import { item } from './fixtures.js';

const pension = item({
  name: '城乡居民养老保险待遇领取资格认证（协助）',
  level: 'village',
  acceptLevels: ['village'],
  window: '民生事务窗口',
  kind: 'immediate',
  inPersonRequired: true,
  proxyAllowed: false,
  materials: [{ name: '居民身份证或社会保障卡', main: true }],
});
const ID_CARD = { name: '居民身份证或社会保障卡', provided: true };

const township: Venue = {
  level: 'township',
  centerName: '柳河镇便民服务中心',
  window: '户籍窗口',
  address: '清河县柳河镇政府院内',
  phone: '0371-6688 2101',
  hours: { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] },
};

describe('the handling mode', () => {
  it('is stored as the proxy field: none is the applicant in person', () => {
    for (const mode of HANDLING_MODES) expect(modeOf(proxyOf(mode))).toBe(mode);
    expect(modeOf(null)).toBe('in_person');
    expect(modeOf(undefined)).toBe('in_person');
    expect(proxyOf('help')).toEqual({ authorized: false });
  });
});

describe('an old villager’s 养老资格认证 at the village', () => {
  it('is received as 申请人本人办理 and finished on the spot', () => {
    const d = decideIntake({ item: pension, receivingLevel: 'village', channel: 'agent', materials: [ID_CARD], proxy: proxyOf('in_person') });
    expect(d).toMatchObject({ ok: true, outcome: 'accept', status: 'in_progress', kind: 'immediate' });
  });

  it('by proxy or help is refused with the way to do it here, not sent to the village room itself', () => {
    for (const mode of ['proxy', 'help'] as const) {
      const d = decideIntake({ item: pension, receivingLevel: 'village', channel: 'agent', materials: [ID_CARD], proxy: proxyOf(mode) });
      expect(d).toMatchObject({ ok: false, code: 'IN_PERSON_REQUIRED' });
      const message = !d.ok ? d.message : '';
      expect(message).toContain('申请人本人办理');
      expect(message).not.toContain('民生事务窗口');
      expect(message).not.toContain('到村便民服务室');
    }
  });
});

const levelArb = fc.constantFrom<OrgLevel>(...ORG_LEVELS);
const factsArb = fc.record({
  acceptLevels: fc.subarray([...ORG_LEVELS], { minLength: 1 }),
  inPersonRequired: fc.boolean(),
  proxyAllowed: fc.boolean(),
});
const modeArb = fc.constantFrom<HandlingMode>(...HANDLING_MODES);

describe('presenceRejection, for any item, level and mode', () => {
  it('never refuses the applicant in person; refuses every proxy of an in-person item and of a no-proxy item', () => {
    fc.assert(
      fc.property(factsArb, levelArb, modeArb, (facts, level, mode) => {
        const r = presenceRejection({ name: '某事项', ...facts }, level, mode, township);
        if (mode === 'in_person') return r === null;
        if (facts.inPersonRequired) return r?.code === 'IN_PERSON_REQUIRED';
        if (!facts.proxyAllowed) return r?.code === 'PROXY_NOT_ALLOWED';
        return r === null;
      }),
    );
  });

  it('sends the applicant elsewhere only when this level cannot receive it, and then to the venue with its window, address and hours', () => {
    fc.assert(
      fc.property(factsArb, levelArb, modeArb, (facts, level, mode) => {
        const r = presenceRejection({ name: '某事项', ...facts }, level, mode, township);
        if (!r) return true;
        const here = facts.acceptLevels.includes(level);
        const named = ['柳河镇便民服务中心户籍窗口', '清河县柳河镇政府院内', '08:30–12:00、14:30–17:30'].every((t) => r.message.includes(t));
        return here ? !named && r.message.includes('申请人本人办理') : named && !r.message.includes(`到${centerName(level)}`);
      }),
    );
  });

  it('agrees with decideIntake: the intake refuses a mode exactly when the presence rule does', () => {
    fc.assert(
      fc.property(factsArb, levelArb, modeArb, (facts, level, mode) => {
        const it = item({ ...facts, level: facts.acceptLevels[0]!, materials: [] });
        const d = decideIntake({ item: it, receivingLevel: level, channel: level === 'village' ? 'agent' : 'window', materials: [], proxy: proxyOf(mode), venue: township });
        const r = presenceRejection(it, level, mode, township);
        if (r) return !d.ok && d.code === r.code && d.message === r.message;
        return facts.acceptLevels.includes(level) ? d.ok : !d.ok && d.code === 'NOT_RECEIVABLE_HERE' && d.message.includes('清河县柳河镇政府院内');
      }),
    );
  });
});
