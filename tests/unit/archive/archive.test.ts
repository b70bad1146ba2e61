// 立卷归档 (DOMAIN.md "Archive"): the 档号, the keep-until date (from the year after the file was made, on the
// center's calendar), which cases are finished, the order of the 卷内目录 and the integrity comparison.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardEntry, dossierEntries, finishedAtOf, integrityProblems, ratingEntry, resultEntry, violationEntry, type DossierFacts, type Registration } from '../../../src/domain/archive/dossier.js';
import { archiveNo, archiveYear, autoFileCutoff, cardPending, isFinished, joinClauses, keepsOwnArchive, keepUntil, NOT_FINISHED_MESSAGE, openMattersMessage, workOrderPending } from '../../../src/domain/archive/rules.js';
import { DOSSIER_PARTS, RETENTION_CODES, RETENTION_PERIODS } from '../../../src/domain/archive/terms.js';
import { CASE_STATUSES, type CaseState } from '../../../src/domain/cases/model.js';
import { stateIn } from '../cases/fixtures.js';
import { TRANSITIONS } from '../../../src/domain/cases/transitions.js';

describe('档号', () => {
  it('is 全宗号-年度-期限代码-件号 with the 件号 four digits', () => {
    expect(archiveNo('410899101', 2026, '30y', 1)).toBe('410899101-2026-D30-0001');
    expect(archiveNo('410899101', 2026, 'permanent', 12)).toBe('410899101-2026-Y-0012');
    expect(archiveNo('410899', 2027, '10y', 10000)).toBe('410899-2027-D10-10000');
    expect(() => archiveNo('410899', 2026, '10y', 0)).toThrow(RangeError);
  });

  it('different (org, year, period, seq) never give the same number, and the number reads them back', () => {
    const key = fc.record({ org: fc.stringMatching(/^\d{6,12}$/), year: fc.integer({ min: 2000, max: 2100 }), period: fc.constantFrom(...RETENTION_PERIODS), seq: fc.integer({ min: 1, max: 9999 }) });
    fc.assert(
      fc.property(key, key, (a, b) => {
        const na = archiveNo(a.org, a.year, a.period, a.seq);
        const [org, year, code, seq] = na.split('-');
        expect({ org, year: Number(year), code, seq: Number(seq) }).toEqual({ org: a.org, year: a.year, code: RETENTION_CODES[a.period], seq: a.seq });
        const same = a.org === b.org && a.year === b.year && a.period === b.period && a.seq === b.seq;
        expect(na === archiveNo(b.org, b.year, b.period, b.seq)).toBe(same);
      }),
    );
  });
});

describe('保管期限', () => {
  it('counts from 1 January of the next year: a 2026 file kept 30 years is kept through 2056-12-31; 永久 has no end', () => {
    expect(keepUntil(2026, '30y')).toBe('2056-12-31');
    expect(keepUntil(2026, '10y')).toBe('2036-12-31');
    expect(keepUntil(2026, 'permanent')).toBeNull();
  });

  it('the year is the center’s: 31 Dec 16:30 UTC is already 1 January in Beijing, not yet in London', () => {
    const finished = '2026-12-31T16:30:00.000Z';
    expect(archiveYear(finished, 'Asia/Shanghai')).toBe(2027);
    expect(archiveYear(finished, 'Europe/London')).toBe(2026);
    expect(keepUntil(archiveYear(finished, 'Asia/Shanghai'), '10y')).toBe('2037-12-31');
    expect(archiveYear('2026-12-31T15:59:59.999Z', 'Asia/Shanghai')).toBe(2026);
    expect(archiveYear('2027-01-01T07:59:00.000Z', 'Asia/Urumqi')).toBe(2027);
  });

  it('keeps every file at least its full period of whole years after the year it was made', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom('30y' as const, '10y' as const), (year, period) => {
        const until = keepUntil(year, period)!;
        expect(until.endsWith('-12-31')).toBe(true);
        expect(Number(until.slice(0, 4)) - year).toBe(period === '30y' ? 30 : 10);
      }),
    );
  });

  it('the job files a case 30 days after it was finished', () => {
    expect(autoFileCutoff(new Date('2026-03-31T18:30:00Z'))).toBe('2026-03-01T18:30:00.000Z');
  });
});

describe('which cases may be filed', () => {
  it('delivered, returned and withdrawn only; a completed case still has its result to deliver', () => {
    expect(CASE_STATUSES.filter(isFinished)).toEqual(['returned', 'withdrawn', 'delivered']);
    expect(isFinished('completed')).toBe(false);
    expect(isFinished('nonsense')).toBe(false);
  });

  it('finished is exactly: no action of the transition table applies any more', () => {
    for (const status of CASE_STATUSES) expect(isFinished(status), status).toBe(Object.keys(TRANSITIONS[status]).length === 0);
  });
});

const file = (name: string, bytes: number, sha = name.padEnd(64, '0')) => ({ key: sha, name, contentType: 'image/jpeg', bytes, sha256: sha });

const facts = (): DossierFacts => ({
  caseRecord: { caseNo: 'QH-20260303-001', itemName: '林木采伐许可', applicantName: '杨老汉', createdAt: '2026-03-03T01:00:00Z', registeredByName: '王窗口' },
  materials: [
    { name: '居民身份证', provided: true, files: [file('身份证正面.jpg', 100), file('身份证反面.jpg', 120)], uploadedAt: '2026-03-02T01:00:00Z' },
    { name: '林权证明', provided: true, files: [], uploadedAt: null },
    { name: '伐区简易调查说明', provided: false, files: [], uploadedAt: null },
  ],
  prints: [
    { title: '办结通知书', at: '2026-03-05T01:00:00Z', byName: '王窗口', content: { paper: 'completion' } },
    { title: '受理通知书', at: '2026-03-03T01:00:00Z', byName: '王窗口', content: { paper: 'acceptance' } },
  ],
  events: [
    { title: '受理', at: '2026-03-03T01:05:00Z', byName: '王窗口', detail: null },
    { title: '收件登记', at: '2026-03-03T01:00:00Z', byName: '王窗口', detail: null },
  ],
  result: { title: '办理结果', at: '2026-03-05T01:00:00Z', detail: '准予办理' },
  ratings: [{ title: '好差评（第 1 次）', at: '2026-03-06T01:00:00Z', detail: '满意' }],
  supervision: [{ title: 'JC-01 承诺件超期', at: '2026-03-04T01:00:00Z', byName: null, detail: '超期 1 个工作日' }],
});

describe('卷内目录', () => {
  it('lists the parts in DOSSIER_PARTS order, each in time order, numbered from 1; a material not provided says so', () => {
    const entries = dossierEntries(facts());
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.map((e) => `${e.part}:${e.title}`)).toEqual([
      'application:办件登记',
      'materials:居民身份证',
      'materials:居民身份证',
      'materials:林权证明',
      'materials:伐区简易调查说明',
      'papers:受理通知书',
      'papers:办结通知书',
      'process:收件登记',
      'process:受理',
      'result:办理结果',
      'evaluation:好差评（第 1 次）',
      'supervision:JC-01 承诺件超期',
    ]);
    expect(entries[1]!.file?.name).toBe('身份证正面.jpg');
    expect(entries[3]).toMatchObject({ file: null, detail: '已收取纸质材料' });
    expect(entries[4]).toMatchObject({ file: null, detail: '未提供' });
    expect(entries[5]!.content).toEqual({ paper: 'acceptance' });
  });

  it('whatever the facts, parts never go backwards and seq counts every entry once', () => {
    const at = fc.option(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), { nil: null });
    const row = fc.record({ title: fc.string({ maxLength: 5 }), at: at.map((a) => a ?? '2026-01-01T00:00:00Z'), byName: fc.constant(null), detail: fc.constant(null) });
    fc.assert(
      fc.property(fc.array(row), fc.array(row), fc.array(row), (events, ratings, supervision) => {
        const f = { ...facts(), events, ratings: ratings.map(({ byName: _b, ...r }) => r), supervision };
        const entries = dossierEntries(f);
        const order = entries.map((e) => DOSSIER_PARTS.indexOf(e.part));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
        expect(entries.filter((e) => e.part === 'process')).toHaveLength(events.length);
        const times = entries.filter((e) => e.part === 'process').map((e) => e.at!);
        expect(times).toEqual([...times].sort());
      }),
    );
  });
});

describe('完整性检测', () => {
  const reg: Registration = {
    fileCount: 3,
    totalBytes: 1000 + 12345 + 500,
    manifestSha256: 'm'.repeat(64),
    manifestBytes: 1000,
    files: [
      { name: '居民身份证.jpg', bytes: 12345, sha256: 'a'.repeat(64) },
      { name: '申请表.pdf', bytes: 500, sha256: 'b'.repeat(64) },
    ],
  };
  const intact = {
    manifest: { kind: 'read' as const, bytes: 1000, sha256: 'm'.repeat(64) },
    manifestFiles: reg.files,
    files: [
      { kind: 'read' as const, bytes: 12345, sha256: 'a'.repeat(64) },
      { kind: 'read' as const, bytes: 500, sha256: 'b'.repeat(64) },
    ],
  };

  it('finds nothing when everything matches', () => {
    expect(integrityProblems(reg, intact)).toEqual([]);
  });

  it('names a file of other bytes, with both figures, and the totals', () => {
    const problems = integrityProblems(reg, { ...intact, files: [{ kind: 'read', bytes: 12000, sha256: 'c'.repeat(64) }, intact.files[1]!] });
    expect(problems).toContain('文件“居民身份证.jpg”字节数不符：登记 12345，实际 12000');
    expect(problems).toContain('文件“居民身份证.jpg”的 SHA-256 与登记不符');
    expect(problems).toContain(`总字节数不符：登记 ${reg.totalBytes}，实际 ${reg.totalBytes - 345}`);
  });

  it('names a missing file and a changed or missing manifest', () => {
    expect(integrityProblems(reg, { ...intact, files: [intact.files[0]!, { kind: 'missing' }] })).toEqual(['缺少文件“申请表.pdf”']);
    expect(integrityProblems(reg, { ...intact, manifest: { kind: 'read', bytes: 1000, sha256: 'x'.repeat(64) } })).toEqual(['案卷清单的 SHA-256 与登记不符']);
    expect(integrityProblems(reg, { ...intact, manifest: { kind: 'missing' }, manifestFiles: null })).toContain('缺少案卷清单文件');
    expect(integrityProblems(reg, { ...intact, files: [{ kind: 'damaged' }, intact.files[1]!] })).toContain('文件“居民身份证.jpg”的 SHA-256 与登记不符（文件已损坏）');
  });

  it('a missing or damaged file (or manifest) is named once, not again as a shortfall of the count and total bytes', () => {
    expect(integrityProblems(reg, { ...intact, files: [{ kind: 'damaged' }, intact.files[1]!] })).toEqual(['文件“居民身份证.jpg”的 SHA-256 与登记不符（文件已损坏）']);
    expect(integrityProblems(reg, { ...intact, files: [{ kind: 'missing' }, { kind: 'damaged' }] })).toEqual([
      '缺少文件“居民身份证.jpg”',
      '文件“申请表.pdf”的 SHA-256 与登记不符（文件已损坏）',
    ]);
    expect(integrityProblems(reg, { ...intact, manifest: { kind: 'damaged' }, manifestFiles: null })).toEqual(['案卷清单的 SHA-256 与登记不符（文件已损坏）']);
    // everything read, but the registration counts a file more: that is a finding of its own
    expect(integrityProblems({ ...reg, fileCount: 4 }, intact)).toEqual(['件数不符：登记 4 件，实际 3 件']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('read', 'missing', 'damaged'), { minLength: 2, maxLength: 2 }), fc.constantFrom('read', 'missing', 'damaged'), (kinds, manifest) => {
        const files = kinds.map((k, i) => (k === 'read' ? intact.files[i]! : { kind: k as 'missing' | 'damaged' }));
        const m = manifest === 'read' ? intact.manifest : { kind: manifest as 'missing' | 'damaged' };
        const problems = integrityProblems(reg, { manifest: m, manifestFiles: manifest === 'read' ? reg.files : null, files });
        expect(problems.filter((p) => /^(件数|总字节数)不符/.test(p))).toEqual([]);
        expect(problems).toHaveLength(kinds.filter((k) => k !== 'read').length + (manifest === 'read' ? 0 : 1));
      }),
    );
  });

  it('any single change of a file’s bytes or hash is found', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 100000 }), fc.boolean(), (i, bytes, changeHash) => {
        const files = intact.files.map((f, j) => (j === i ? { ...f, bytes: changeHash ? f.bytes : bytes, sha256: changeHash ? 'f'.repeat(64) : f.sha256 } : f));
        const changed = changeHash || bytes !== intact.files[i]!.bytes;
        expect(integrityProblems(reg, { ...intact, files }).length > 0).toBe(changed);
      }),
    );
  });
});

describe('what stops a filing, in words', () => {
  it('an unfinished case: the same sentence whatever its status, never "还没有办结" (a 已办结 case is only not delivered yet)', () => {
    expect(NOT_FINISHED_MESSAGE).toBe('这件办件还没有办完：结果送达（或退回、撤回）后才能立卷归档。');
    expect(NOT_FINISHED_MESSAGE).not.toContain('办结');
  });

  it('open rectifications and 督办单 are named by their numbers', () => {
    expect(openMattersMessage([], [])).toBeNull();
    expect(openMattersMessage(['整改〔2026〕1号'], ['督〔2026〕1号'])).toBe('这件办件还有未办结的差评整改（整改〔2026〕1号）、督办单（督〔2026〕1号），办结后才能立卷归档。');
    expect(openMattersMessage([], ['督〔2026〕1号', '督〔2026〕3号'])).toBe('这件办件还有未办结的督办单（督〔2026〕1号、督〔2026〕3号），办结后才能立卷归档。');
    expect(openMattersMessage(['整改〔2026〕2号'], [])).toBe('这件办件还有未办结的差评整改（整改〔2026〕2号），办结后才能立卷归档。');
  });

  it('joins the parts of a result with "；" and never doubles the punctuation where two meet', () => {
    expect(joinClauses(['不符合条件。', '依据：《条例》第三条'])).toBe('不符合条件；依据：《条例》第三条');
    expect(joinClauses(['材料不齐；', null, '依据：第五条;'])).toBe('材料不齐；依据：第五条');
    expect(joinClauses([null, undefined, '  '])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('理由。', '依据；', 'x;', '。')), { maxLength: 4 }), (parts) => {
        expect(joinClauses(parts) ?? '').not.toMatch(/[。；;]；/);
      }),
    );
  });
});

describe('who keeps the file', () => {
  it('the county and township centers keep their own; a village service room keeps none', () => {
    expect(keepsOwnArchive('county')).toBe(true);
    expect(keepsOwnArchive('township')).toBe(true);
    expect(keepsOwnArchive('village')).toBe(false);
  });
});

describe('the facts of the file, in words', () => {
  const state = (over: Partial<CaseState>) => stateIn('delivered', over);

  it('finished at the last move into a final status, else the fallback', () => {
    const events = [
      { at: '2026-03-02T01:00:00.000Z', to_status: 'in_progress' },
      { at: '2026-03-03T01:00:00.000Z', to_status: 'delivered' },
      { at: '2026-03-04T01:00:00.000Z', to_status: null },
    ];
    expect(finishedAtOf(events, 'x')).toBe('2026-03-03T01:00:00.000Z');
    expect(finishedAtOf(events.slice(0, 1), 'x')).toBe('x');
  });

  it('the 办理结果 names the decision, its 文号 and the handing-over on the center’s clock; 退回 its basis without "。；"', () => {
    const delivered = resultEntry('delivered', state({ outcome: 'approved', resultNo: '优待证 2026-031', delivery: { method: 'window', at: '2026-03-02T01:00:00.000Z' } }), 'f', 'Asia/Shanghai');
    expect(delivered.detail).toBe('准予办理；文号 优待证 2026-031；窗口领取（2026-03-02 09:00）');
    const returned = resultEntry('returned', state({ refusal: { reasons: '不符合受理条件。', basis: '《办法》第三条' } } as Partial<CaseState>), '2026-03-02T01:00:00.000Z', 'Asia/Shanghai');
    expect(returned).toEqual({ title: '退回', at: '2026-03-02T01:00:00.000Z', detail: '不符合受理条件；依据：《办法》第三条' });
    expect(resultEntry('withdrawn', state({}), 'f', 'Asia/Shanghai')).toEqual({ title: '撤回', at: 'f', detail: '申请人撤回申请' });
  });

  it('a 好差评 names its round and level, says when it was given by default, and quotes the comment', () => {
    expect(ratingEntry({ round: 1, level: 'very_satisfied', isDefault: false, comment: '办得快', at: 'a' })).toEqual({ title: '好差评（第 1 次）', at: 'a', detail: '非常满意：办得快' });
    expect(ratingEntry({ round: 2, level: 'satisfied', isDefault: true, comment: null, at: 'b' }).detail).toBe('满意（默认好评）');
    // a level this version does not know is shown as stored, never dropped
    expect(ratingEntry({ round: 1, level: 'legacy', isDefault: false, comment: null, at: 'c' }).detail).toBe('legacy');
  });

  it('supervision: a rule by its number and name with its facts; a 督办单 by number, level and issuer', () => {
    expect(violationEntry({ ruleCode: 'promise-overrun', at: 'a', facts: '超期 2 个工作日' })).toEqual({ title: 'JC-01 承诺件超期', at: 'a', byName: null, detail: '超期 2 个工作日' });
    expect(violationEntry({ ruleCode: 'gone-rule', at: 'a', facts: null }).title).toBe('gone-rule');
    expect(cardEntry({ cardNo: 'DB-2026-0001', level: 'orange', at: 'b', byName: '赵纪检', content: '请说明超期原因' })).toEqual({
      title: '督办单 DB-2026-0001（橙色预警）',
      at: 'b',
      byName: '赵纪检',
      detail: '请说明超期原因',
    });
  });

  it('a 差评整改 is owed until 已办结 or 已撤销 (待群众评价 too); a 督办单 until 销号', () => {
    expect(['visit_pending', 'rectifying', 'awaiting_feedback', 'closed', 'cancelled'].filter(workOrderPending)).toEqual(['visit_pending', 'rectifying', 'awaiting_feedback']);
    expect(['issued', 'returned', 'replied', 'closed'].filter(cardPending)).toEqual(['issued', 'returned', 'replied']);
  });
});
