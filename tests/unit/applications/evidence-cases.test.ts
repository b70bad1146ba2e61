// Evidence of the real-named person (issue 11 §2 audit): what a window case keeps (B), what a finished case issues
// (A), what a promise is (D), and whose it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPromises,
  evidenceOfCaseStep,
  holderOf,
  issuedDocuments,
  materialKey,
  onFile,
  sameHolder,
  type CaseStepFacts,
  type Evidence,
} from '../../../src/domain/applications/evidence.js';
import { loadDemoCatalog } from '../catalog/demo-catalog.js';

const today = '2026-12-06';
const step = (over: Partial<CaseStepFacts>): CaseStepFacts => ({ type: 'intake', channel: 'window', atWindow: true, data: {}, result: '', ...over });
const ev = (materialName: string, level: Evidence['level'], validUntil: string | null = null): Evidence => ({ id: materialName + level, materialName, level, validUntil, checkedAt: '2026-01-01T00:00:00.000Z' });

describe('the documents an item result issues (A)', () => {
  it('titled documents, a plain document name, none for payments and notices', () => {
    expect(issuedDocuments('《中华人民共和国残疾人证》')).toEqual(['中华人民共和国残疾人证']);
    expect(issuedDocuments('《农村宅基地批准书》和《乡村建设规划许可证》')).toEqual(['农村宅基地批准书', '乡村建设规划许可证']);
    expect(issuedDocuments('《就业创业证》（可为电子证）')).toEqual(['就业创业证']);
    expect(issuedDocuments('户口注销证明')).toEqual(['户口注销证明']);
    expect(issuedDocuments('居住情况证明')).toEqual(['居住情况证明']);
    expect(issuedDocuments('村（居）委会出具的死亡情况证明')).toEqual(['死亡情况证明']);
    expect(issuedDocuments('低保审核确认通知，低保金按月发放')).toEqual([]);
    expect(issuedDocuments('准予迁入证明或直接办结迁入登记')).toEqual([]);
    expect(issuedDocuments('调解协议书')).toEqual([]);
    expect(issuedDocuments('临时救助金或实物救助')).toEqual([]);
  });

  it('every item of the demo catalog: what it issues is a document name, never a sentence', () => {
    for (const item of loadDemoCatalog().items as { result: string }[]) {
      for (const doc of issuedDocuments(item.result)) expect(doc).toMatch(/^[^，,。；;]+(证|证明|证书|执照|批准书|凭证)$/);
    }
  });

  it('《》 do not make another material: a 残疾人证 issued here is the one the 两项补贴 asks for', () => {
    expect(materialKey('《中华人民共和国残疾人证》')).toBe(materialKey('中华人民共和国残疾人证'));
  });
});

describe('what a case step keeps', () => {
  it('intake at a window keeps what was received as B (not the forms), an online intake and a village room keep nothing', () => {
    const provided = ['居民身份证', '居民户口簿', '高龄津贴申请表'];
    const kept = evidenceOfCaseStep(step({ data: { provided } }), [], today);
    expect(kept).toEqual([
      { kind: 'keep', materialName: '居民身份证', level: 'B', validUntil: '2027-12-06' },
      { kind: 'keep', materialName: '居民户口簿', level: 'B', validUntil: '2027-12-06' },
    ]);
    expect(evidenceOfCaseStep(step({ channel: 'online', data: { provided } }), [], today)).toEqual([]);
    expect(evidenceOfCaseStep(step({ channel: 'agent', atWindow: false, data: { provided } }), [], today)).toEqual([]);
  });

  it('a supplement at a window keeps B; a notice withdraws what it names', () => {
    expect(evidenceOfCaseStep(step({ type: 'supplement', data: { materials: ['居民户口簿'] } }), [], today)).toHaveLength(1);
    expect(evidenceOfCaseStep(step({ type: 'notify-supplement', data: { missing: ['居民户口簿'] } }), [], today)).toEqual([{ kind: 'withdraw', materialNames: ['居民户口簿'] }]);
  });

  it('A is not downgraded to B by a later window check', () => {
    expect(evidenceOfCaseStep(step({ data: { provided: ['居民身份证'] } }), [ev('居民身份证', 'A')], today)).toEqual([]);
  });

  it('an approved case issues A with the validity given; denied or expired issues nothing', () => {
    const done = (data: Record<string, unknown>) => evidenceOfCaseStep(step({ type: 'complete', result: '《老年人优待证》', data }), [], today);
    expect(done({ outcome: 'approved' })).toEqual([{ kind: 'keep', materialName: '老年人优待证', level: 'A', validUntil: null }]);
    expect(done({ outcome: 'approved', resultValidUntil: '2036-12-05' })).toEqual([{ kind: 'keep', materialName: '老年人优待证', level: 'A', validUntil: '2036-12-05' }]);
    expect(done({ outcome: 'denied' })).toEqual([]);
    expect(done({ outcome: 'approved', resultValidUntil: '2026-12-05' })).toEqual([]);
  });

  it('property: whatever a step keeps is A or B, valid today, never a per-application form, and then on file', () => {
    const names = ['居民身份证', '居民户口簿', '申请表', '委托书', '收入证明', '《结婚证》'];
    const facts = fc.record({
      type: fc.constantFrom('intake', 'supplement', 'complete', 'notify-supplement', 'accept'),
      channel: fc.constantFrom('window', 'agent', 'online', 'kiosk'),
      atWindow: fc.boolean(),
      data: fc.record({
        provided: fc.array(fc.constantFrom(...names), { maxLength: 6 }),
        materials: fc.array(fc.constantFrom(...names), { maxLength: 6 }),
        missing: fc.array(fc.constantFrom(...names), { maxLength: 3 }),
        outcome: fc.constantFrom('approved', 'denied'),
        resultValidUntil: fc.option(fc.constantFrom('2025-01-01', '2026-12-06', '2030-01-01'), { nil: undefined }),
      }),
      result: fc.constantFrom('《结婚证》', '居住情况证明', '补贴按月发放，到账'),
    });
    fc.assert(
      fc.property(facts, (f) => {
        for (const change of evidenceOfCaseStep(f, [], today)) {
          if (change.kind === 'withdraw') continue;
          expect(['A', 'B']).toContain(change.level);
          expect(change.validUntil === null || change.validUntil >= today).toBe(true);
          expect(change.materialName).not.toMatch(/申请表|委托书/);
          const kept: Evidence = { id: 'x', materialName: change.materialName, level: change.level, validUntil: change.validUntil, checkedAt: '2026-12-06T00:00:00.000Z' };
          expect(onFile([{ name: change.materialName }], [kept], today).get(change.materialName)?.id).toBe('x');
        }
      }),
    );
  });
});

describe('whose it is', () => {
  it('the same number and name however typed; another name or kind is another holder', () => {
    const a = holderOf({ kind: 'person', number: '11010519491231002x', name: '张 三' });
    expect(sameHolder(a, holderOf({ kind: 'person', number: '１１０１０５１９４９１２３１００２Ｘ', name: '张三' }))).toBe(true);
    expect(sameHolder(a, holderOf({ kind: 'person', number: '11010519491231002X', name: '张四' }))).toBe(false);
    expect(sameHolder(a, holderOf({ kind: 'organization', number: '11010519491231002X', name: '张三' }))).toBe(false);
  });
});

describe('告知承诺 (D)', () => {
  const guide = [{ name: '居民身份证', promisable: false }, { name: '婚姻状况证明', promisable: true }, { name: '收入证明' }];
  it('only a promisable material may be promised; names match the guide', () => {
    expect(checkPromises(guide, ['婚姻状况证明 '])).toEqual({ ok: true, promised: ['婚姻状况证明'] });
    expect(checkPromises(guide, ['居民身份证', '收入证明'])).toEqual({ ok: false, notPromisable: ['居民身份证', '收入证明'] });
  });
  it('a promise never spares a later application', () => {
    expect(onFile(guide, [ev('婚姻状况证明', 'D')], today).size).toBe(0);
  });
});
