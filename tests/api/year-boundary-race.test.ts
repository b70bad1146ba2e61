import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYearFile } from '../../src/domain/calendar/year-file.js';
import { replaceYear } from '../../src/modules/calendar/repo.js';
import { centerTime } from '../../src/modules/cases/center.js';
import { recountCase } from '../../src/modules/cases/recompute-deadlines.js';
import { findCase } from '../../src/modules/cases/repo.js';
import { findOrg } from '../../src/modules/orgs/repo.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

/**
 * An import of next year's arrangement meets a case a clerk changed while it ran (on PostgreSQL the clerk's
 * action commits between the import reading the case and writing it). The import must neither lose the clerk's
 * change nor fail: the case is read again and counted anew from what the clerk left.
 */
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const DIBAO = ['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明', '残疾、重病等特殊情况证明'];
const YEAR_2027 = parseYearFile({
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: ['2027-01-09'] }],
});

describe.each(DIALECTS)('the deadline recount meets a case changed meanwhile (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-12-15T10:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  it('counts the case again from its fresh row: the clerk’s change stays, the due date moves, one event each', async () => {
    if (!YEAR_2027.ok) throw new Error(YEAR_2027.errors.join());
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { itemCode: 'MZ-003', channel: 'window', applicant, materials: DIBAO.map((name) => ({ name, provided: true })) },
    });
    expect(registered.statusCode).toBe(201);
    const c = registered.json();
    expect(c).toMatchObject({ dueAt: '2027-01-20T09:30:00.000Z', dueProvisional: true });

    // the import read the case here …
    const stale = (await findCase(t.database.db, c.id))!;
    // … and the clerk acted on it before the import wrote it
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/actions/request-extension`,
      headers: { cookie: clerk },
      payload: { expectedVersion: c.version, reason: '需入户核查家庭经济状况', days: 5 },
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().version).toBeGreaterThan(stale.version);

    const at = new Date('2026-12-15T11:00:00+08:00');
    const { value } = YEAR_2027;
    const moved = await t.database.db.transaction().execute(async (trx) => {
      await replaceYear(trx, value.year, value.source, value.overrides, { userId: null, at: at.toISOString() });
      const timeOf = async (orgId: string) => centerTime(trx, (await findOrg(trx, orgId))!);
      return recountCase(trx, stale, { userId: null, at, source: value.source }, timeOf);
    });
    expect(moved).toMatchObject({ caseId: c.id, before: '2027-01-20T09:30:00.000Z', after: '2027-01-19T09:30:00.000Z', dueProvisional: false });

    const after = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json();
    expect(after).toMatchObject({ dueAt: '2027-01-19T09:30:00.000Z', dueProvisional: false, version: asked.json().version + 1 });
    expect(after.pendingExtension).toMatchObject({ days: 5, reason: '需入户核查家庭经济状况' });
    expect(after.events.map((e: { type: string }) => e.type)).toEqual(['intake', 'request-extension', 'deadline-recomputed']);
  });
});
