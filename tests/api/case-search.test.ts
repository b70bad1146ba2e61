// Issue 8 §5: the ledger search finds its cases through trigram indexes (migration 0016) and must answer exactly
// what the plain LIKE conditions answer — the same cases, masked fields matched only whole outside the viewer's
// own cases — for names and numbers in any script and width, wildcards typed literally, and 1–2 character terms
// (which the trigram indexes cannot serve: read newest first, or beyond ASCII through case_terms of migration 0017).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerSearch } from '../../src/domain/cases/ledger-search.js';
import { checkDigit } from '../../src/domain/people/id-number.js';
import * as repo from '../../src/modules/cases/repo.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const idNumber = (first17: string) => `${first17}${checkDigit(first17)}`;
const ID_A = idNumber('44030119800101123');
const ID_B = idNumber('41080219750615002');

/** Names as clerks type them: Chinese of every length, Latin in both cases, full-width, wildcards, quotes. */
const APPLICANTS: { name: string; phone: string; idNumber: string }[] = [
  { name: '王大山', phone: '13987654321', idNumber: ID_A },
  { name: '王大山林', phone: '13812345678', idNumber: ID_B },
  { name: '王芳', phone: '13700001111', idNumber: ID_A },
  { name: '欧阳娜娜', phone: '0371-66881234', idNumber: ID_B },
  { name: 'Zhang Wei', phone: '13612349876', idNumber: ID_A },
  { name: 'ZHANG WEI', phone: '13512340000', idNumber: ID_B },
  { name: 'ＡＢＣ农业合作社', phone: '13412345678', idNumber: ID_A },
  { name: 'abc农业合作社', phone: '13312345678', idNumber: ID_B },
  { name: '百分之100%纯', phone: '13212345678', idNumber: ID_A },
  { name: '李_三_丰', phone: '13112345678', idNumber: ID_B },
  { name: '张"小"明', phone: '15012345678', idNumber: ID_A },
  { name: '赵\\四', phone: '15112345678', idNumber: ID_B },
];

const provided = (names: string[]) => names.map((name) => ({ name, provided: true }));
const TOWNSHIP_ITEM = { itemCode: 'MZ-002', channel: 'window', materials: provided(['居民身份证', '近期一寸免冠照片']) };
const COUNTY_ITEM = { itemCode: 'GA-003', channel: 'window', materials: provided(['居民户口簿', '原居民身份证（换领时交回）']) };

const QUERIES = [
  // 1–2 characters: the newest-first read, or beyond ASCII the cases listed under the term (case_terms)
  '王', '王大', 'a', 'ab', '%', '_', '"', '\\', '大', '山林', '娜', '合作', '社', '"小', '张"', '%纯', '_三', 'a农', 'Ａ', 'ｚ', '林王',
  // names, any part, 3+ characters
  '王大山', ' 王大山 ', '大山林', '欧阳娜娜', '阳娜娜', 'zhang', 'ZHANG WEI', 'Zhang Wei', 'ang W', 'ＡＢＣ', 'abc', 'ABC', 'ａｂｃ', 'ｚｈａｎｇ',
  '农业合作社', '100%', '0%纯', '李_三', '_三_', '"小"', '张"小', '赵\\四', '\\四', '不存在的人', '王大山大',
  // phones and ID numbers: whole values anywhere, parts only in the viewer's own cases
  '13987654321', '139-8765-4321', '139 8765 4321', '87654', '1398', '0371-66881234', '66881234', ID_A, ID_A.toLowerCase(), ` ${ID_B} `,
  '19800101', ID_A.slice(0, 17), '4403011980',
];

describe.each(DIALECTS)('the ledger search through the trigram indexes answers as the LIKE conditions do (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let orgIds: string[];
  const receivingOrgs = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    clerk = await signIn(t.app, 'clerk');
    const county = await signIn(t.app, 'county');
    // two centers, so a viewer sees some cases in full (their own center's) and the others masked
    for (const [i, applicant] of APPLICANTS.entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: i % 2 === 0 ? clerk : county, 'idempotency-key': randomUUID() },
        payload: i % 2 === 0 ? { ...TOWNSHIP_ITEM, applicant } : { ...COUNTY_ITEM, applicant },
      });
      expect(res.statusCode, `${applicant.name}: ${res.body}`).toBe(201);
      // newest first is then one order, the same whichever way the cases were found
      t.clock.advanceMinutes(1);
    }
    const rows = await t.database.db.selectFrom('cases').select(['receiving_org_id', 'case_no']).execute();
    for (const r of rows) receivingOrgs.add(r.receiving_org_id);
    expect(receivingOrgs.size).toBe(2);
    orgIds = (await t.database.db.selectFrom('orgs').select('id').execute()).map((o) => o.id);
  });
  afterAll(() => t.close());

  /** The cases q matches for a viewer: by the LIKE conditions alone, and through the indexes' candidates. */
  const both = async (q: string, scope: string[], fullDataOrgId: string | null, page: { offset: number; limit: number } | null = null) => {
    const filter: repo.CaseFilter = { orgIds: scope, q, fullDataOrgId };
    const searchIds = await repo.searchCandidates(t.database.db, ledgerSearch(q), fullDataOrgId !== null);
    const ids = async (f: repo.CaseFilter) => (await repo.listCases(t.database.db, f, page)).map((c) => c.case_no);
    const indexed = { ...filter, ...(searchIds && { searchIds }) };
    // a term of 1 or 2 characters beyond ASCII: the cases listed under it in case_terms (migration 0017)
    const searchTerm = repo.shortTerm(ledgerSearch(q));
    const termed = { ...filter, ...(searchTerm && { searchTerm }) };
    const capped = async (f: repo.CaseFilter) => [await repo.countCases(t.database.db, f, 1001), await repo.countCases(t.database.db, f, 2)];
    return {
      like: await ids(filter),
      indexed: await ids(indexed),
      termed: await ids(termed),
      counts: [await repo.countCases(t.database.db, filter), await repo.countCases(t.database.db, indexed), await repo.countCases(t.database.db, termed)],
      capped: [await capped(filter), await capped(termed)],
      byIndex: searchIds !== null,
      byTerm: searchTerm !== null,
    };
  };

  it('finds the same cases for every query and every viewer, on one page and whole, and counts the same', async () => {
    const case_nos = (await t.database.db.selectFrom('cases').select('case_no').execute()).map((c) => c.case_no);
    const queries = [...QUERIES, case_nos[0]!, case_nos[0]!.slice(-6), case_nos[0]!.toLowerCase()];
    let matched = 0;
    let termMatched = 0;
    for (const q of queries) {
      const viewers: [string[], string | null][] = [[orgIds, null], ...[...receivingOrgs].map((o): [string[], string | null] => [orgIds, o]), [[...receivingOrgs].slice(0, 1), null]];
      for (const [scope, own] of viewers) {
        for (const page of [null, { offset: 0, limit: 3 }, { offset: 2, limit: 3 }]) {
          const r = await both(q, scope, own, page);
          expect(r.indexed, `${q} / ${own} / ${JSON.stringify(page)}`).toEqual(r.like);
          expect(r.termed, `${q} / ${own} / ${JSON.stringify(page)}`).toEqual(r.like);
          expect(r.counts[1], q).toBe(r.counts[0]);
          expect(r.counts[2], q).toBe(r.counts[0]);
          expect(r.capped[1], q).toEqual(r.capped[0]);
          // every term of 3 or more characters goes through the indexes (none here is common enough to be read in order)
          expect(r.byIndex, q).toBe([...q.trim()].length >= 3);
          if (r.byTerm) termMatched += r.like.length;
          matched += r.like.length;
        }
      }
    }
    // the data do match: a comparison of empty answers proves nothing
    expect(matched).toBeGreaterThan(100);
    expect(termMatched).toBeGreaterThan(30);
  });

  it('reads a short term beyond ASCII from case_terms, and only one without letter case', () => {
    const term = (q: string) => repo.shortTerm(ledgerSearch(q));
    expect(['王', ' 王大 ', '"小', '0%纯'.slice(1)].map(term)).toEqual(['王', '王大', '"小', '%纯']);
    // ASCII alone, a letter with case (full-width Ａ is ａ in lower case), or 3 characters: not from case_terms
    expect(['a', 'ab', '12', 'Ａ', 'a农', '王大山', ''].map(term)).toEqual([null, null, null, null, null, null, null]);
  });

  it('keeps the masking rule: a part of a phone or ID number finds only the viewer\'s own cases', async () => {
    const [own] = [...receivingOrgs];
    const whole = await both('13987654321', orgIds, null);
    expect(whole.like).toHaveLength(1);
    expect((await both('87654', orgIds, null)).like).toEqual([]);
    expect((await both('19800101', orgIds, null)).like).toEqual([]);
    const part = await both('19800101', orgIds, own!);
    // ID_A's cases are the clerk's own (every even one): only they are found by part
    expect(part.indexed).toEqual(part.like);
    expect(part.like).toHaveLength(APPLICANTS.filter((a, i) => a.idNumber === ID_A && i % 2 === 0).length);
  });

  it('through the API: names of 3+ characters, full-width and Latin, whole phones; a supervisor finds no part of a phone', async () => {
    const api = async (q: string, cookie: string) =>
      ((await t.app.inject({ url: `/api/cases?q=${encodeURIComponent(q)}`, headers: { cookie } })).json() as { total: number; cases: { applicant: { name: string } }[] }).cases
        .map((c) => c.applicant.name)
        .sort();
    // the supervisor's scope is the whole county: both centers' cases
    const supervisor = await signIn(t.app, 'supervisor');
    expect(await api('王大山', supervisor)).toEqual(['王大山', '王大山林']);
    expect(await api('ZHANG', supervisor)).toEqual(dialect === 'sqlite' ? ['ZHANG WEI', 'Zhang Wei'] : ['ZHANG WEI']);
    expect(await api('ＡＢＣ', supervisor)).toEqual(['ＡＢＣ农业合作社']);
    expect(await api('100%', supervisor)).toEqual(['百分之100%纯']);
    expect(await api('王大山', clerk)).toEqual(['王大山']);
    expect(await api('13612349876', supervisor)).toEqual(['Zhang Wei']);
    expect(await api('12349876', supervisor)).toEqual([]);
  });

  it('follows every change of a case: a new name, a new number, a deleted case', async () => {
    const { db } = t.database;
    const source = await db.selectFrom('cases').selectAll().where('applicant_name', '=', '王芳').executeTakeFirstOrThrow();
    const id = randomUUID();
    await db.insertInto('cases').values({ ...source, id, case_no: 'TEST-"引号"-0001', applicant_name: '司马相如' }).execute();
    const found = async (q: string) => (await repo.searchCandidates(db, ledgerSearch(q), false)) ?? [];
    expect(await found('司马相')).toEqual([id]);
    await db.updateTable('cases').set({ applicant_name: '诸葛孔明' }).where('id', '=', id).execute();
    expect(await found('司马相')).toEqual([]);
    expect(await found('诸葛孔')).toEqual([id]);
    // an update that writes the same values (as every projection write does) keeps the row findable
    await db.updateTable('cases').set({ applicant_name: '诸葛孔明', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    expect(await found('诸葛孔')).toEqual([id]);
    await db.updateTable('cases').set({ case_no: 'TEST-0002' }).where('id', '=', id).execute();
    expect(await found('"引号"')).toEqual([]);
    expect(await found('TEST-0002')).toEqual([id]);
    await db.deleteFrom('cases').where('id', '=', id).execute();
    expect(await found('诸葛孔')).toEqual([]);
    expect(await found('TEST-0002')).toEqual([]);
  });

  it('keeps the short terms in step with every change of a case (case_terms)', async () => {
    const { db } = t.database;
    const source = await db.selectFrom('cases').selectAll().where('applicant_name', '=', '王芳').executeTakeFirstOrThrow();
    const id = randomUUID();
    const terms = async () =>
      (await sql<{ term: string; term_org: string; term_at: string }>`select term, term_org, term_at from case_terms where case_id = ${id} order by term`.execute(db)).rows;
    const org = source.receiving_org_id;
    await db.insertInto('cases').values({ ...source, id, case_no: 'TEST-甲-0003', applicant_name: '司马相如' }).execute();
    const at = source.created_at;
    const pieces = (list: string[], o = org, when = at) => list.sort().map((term) => ({ term, term_org: o, term_at: when }));
    // every 1- and 2-character piece with a character beyond ASCII, of the case number and the name; none of the phone
    expect(await terms()).toEqual(pieces(['-甲', '甲', '甲-', '司', '司马', '马', '马相', '相', '相如', '如']));
    await db.updateTable('cases').set({ applicant_name: '诸葛亮' }).where('id', '=', id).execute();
    expect(await terms()).toEqual(pieces(['-甲', '甲', '甲-', '诸', '诸葛', '葛', '葛亮', '亮']));
    const other = (await db.selectFrom('orgs').select('id').where('id', '!=', org).executeTakeFirstOrThrow()).id;
    await db.updateTable('cases').set({ receiving_org_id: other, created_at: '2026-01-01T00:00:00.000Z', case_no: 'TEST-0003' }).where('id', '=', id).execute();
    expect(await terms()).toEqual(pieces(['诸', '诸葛', '葛', '葛亮', '亮'], other, '2026-01-01T00:00:00.000Z'));
    await db.deleteFrom('cases').where('id', '=', id).execute();
    expect(await terms()).toEqual([]);
  });
});
