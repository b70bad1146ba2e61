// 月末快照 and the field tester's findings on the monthly report (qa2): the snapshot never locks figures worked out
// from case events not yet handled (主动评价率 read 100 % when the rating openings lagged) — it waits, and locks the
// right ones once they are; a correction likewise, though only for events of its own month. A window of another center is named with it; the grouped tables
// say 本级 and close with 本级合计; the Excel's shares and days are numbers; 填报人 as on the screen; a returned late
// report stays late; each version says how it came to be.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport, SubmissionList } from '../../src/domain/statistics/contract.js';
import { stopConsumers } from '../../src/modules/events/consumers.js';
import { ratingOpeningsConsumer } from '../../src/modules/evaluation/consumer.js';
import { monthlySnapshotJob } from '../../src/modules/statistics/jobs.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };

describe.each(DIALECTS)('monthly report snapshot and labels (%s)', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let county = '';
  let township = '';
  const ctx = (): AppContext => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const at = (local: string) => {
    t.clock.now = new Date(`${local}+08:00`);
  };
  const get = (url: string, who: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const post = (url: string, who: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, 'idempotency-key': randomUUID() }, payload });
  const report = async (who: string, orgId: string) => {
    const res = await get(`/api/reports/monthly?orgId=${orgId}&month=2026-03`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MonthlyReport;
  };
  const finishCase = async () => {
    const reg = await post('/api/cases', 'clerk', { channel: 'window', applicant, ...IMMEDIATE });
    expect(reg.statusCode, reg.body).toBe(201);
    const { id, version } = reg.json() as { id: string; version: number };
    const done = await post(`/api/cases/${id}/actions/complete`, 'clerk', { expectedVersion: version, outcome: 'approved', resultNo: `证 ${id.slice(0, 6)}` });
    expect(done.statusCode, done.body).toBe(200);
    return id;
  };
  /** The rating-openings consumer failing: it waits for its backoff, its events stay unhandled. */
  const openingsFailing = (failing: boolean) =>
    t.database.db
      .updateTable('event_consumers')
      .set(failing ? { failures: 1, retry_at: '2099-01-01T00:00:00.000Z', last_error: '测试：评价开放处理失败' } : { failures: 0, retry_at: null, last_error: null })
      .where('name', '=', ratingOpeningsConsumer.name)
      .execute();
  const countReports = async () =>
    Number((await t.database.db.selectFrom('monthly_reports').select((eb) => eb.fn.countAll().as('n')).where('month', '=', '2026-03').executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    const base = loadConfig({});
    t = await startTestApp(dialect, { config: { session: { ...base.session, idleMinutes: 10_000_000, absoluteHours: 1_000_000 } } });
    at('2026-03-02T09:00:00');
    const db = t.database.db;
    county = (await db.selectFrom('orgs').select('id').where('level', '=', 'county').executeTakeFirstOrThrow()).id;
    const director = await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow();
    township = director.org_id;
    await db.insertInto('users').values({ ...director, id: randomUUID(), username: 'county-dir', name: '县中心主任', org_id: county, phone: null }).execute();
    for (const u of ['clerk', 'director', 'county-dir']) cookies[u] = await signIn(t.app, u);
    // the app hands events to the consumers right after each write: stopped, so they wait as after a restart
    await stopConsumers(ctx());
  });
  afterAll(() => t.close());

  it('March: three cases finished at the township, one rated by its applicant, one handled at a county window', async () => {
    at('2026-03-10T09:00:00');
    const rated = await finishCase();
    const other = await finishCase();
    await finishCase();
    const paper = await post('/api/evaluations/paper', 'clerk', { caseId: rated, level: 'satisfied', comment: '纸质表', ratedOn: '2026-03-10' });
    expect(paper.statusCode, paper.body).toBe(201);
    // escalated: finished at the county center's 民政窗口, a window of the same name as the township's own
    const countyWindow = await t.database.db.selectFrom('windows').select('id').where('org_id', '=', county).executeTakeFirstOrThrow();
    await t.database.db.updateTable('cases').set({ window_id: countyWindow.id }).where('id', '=', other).execute();
    // until the consumer handles the completions, rating_openings holds only the rated case (its rating wrote it)
    const openings = await t.database.db.selectFrom('rating_openings').select('case_id').execute();
    expect(openings.map((o) => o.case_id)).toEqual([rated]);
  });

  it('the snapshot waits while the completions are unhandled, then locks the right 主动评价率', async () => {
    await openingsFailing(true);
    at('2026-04-01T00:30:00');
    const lines: string[] = [];
    expect(await runJobOnce(ctx(), monthlySnapshotJob, (line) => lines.push(line), t.clock.now)).toBe(true);
    // nothing locked: a lock now would have frozen 主动评价率 at 100 % (finished = rated)
    expect(await countReports()).toBe(0);
    expect((await report('director', township)).locked).toBe(false);

    // the consumer recovers; the next run hands it the events itself, then locks
    await openingsFailing(false);
    at('2026-04-01T01:30:00');
    expect(await runJobOnce(ctx(), monthlySnapshotJob, () => {}, t.clock.now)).toBe(true);
    expect(await countReports()).toBeGreaterThan(0);
    const r = await report('director', township);
    expect(r).toMatchObject({ locked: true, report: { version: 1, origin: 'snapshot' } });
    expect(r.own.finished).toBe(3);
    expect(r.own.activeRate).toBeCloseTo(1 / 3, 10);
    expect(r.total.activeRate).toBeCloseTo(1 / 3, 10);
    expect(r.versions).toEqual([expect.objectContaining({ version: 1, origin: 'snapshot' })]);
  });

  it('a window of another center is named with it; the grouped tables add up to 本级', async () => {
    const r = await report('director', township);
    const names = r.windows.map((w) => w.name);
    expect(names.some((n) => /（.*政务服务中心）$/.test(n))).toBe(true);
    expect(names.filter((n) => !n.includes('（'))).toHaveLength(names.length - 1);
    expect(r.windows.reduce((n, w) => n + (w.measures.finished ?? 0), 0)).toBe(r.own.finished);
  });

  it('a correction is refused while events of its month wait unhandled, and not held up by a later one', async () => {
    at('2026-04-02T10:00:00');
    await finishCase(); // an April completion the failing consumer is stuck on: nothing of March waits
    await openingsFailing(true);
    const mine = await report('director', township);
    expect(mine.can.correct).toBe(true);
    const correct = (current: MonthlyReport) =>
      post(`/api/reports/monthly/${current.report!.id}/correct`, 'director', { expectedVersion: current.report!.rowVersion, reason: '核对评价数据' });
    const ok = await correct(mine);
    expect(ok.statusCode, ok.body).toBe(200);
    const v2 = await report('director', township);
    expect(v2.report).toMatchObject({ version: 2, origin: 'correction' });
    expect(v2.own.activeRate).toBeCloseTo(1 / 3, 10);

    // the consumer set back before March's completions, and failing: those wait unhandled, the correction waits too
    await t.database.db.updateTable('event_consumers').set({ cursor_tx: 0, cursor_pos: 0 }).where('name', '=', ratingOpeningsConsumer.name).execute();
    const refused = await correct(v2);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'REPORT_INPUTS_PENDING', title: expect.stringContaining('请过几分钟再点“更正”') });
    expect((await report('director', township)).report).toMatchObject({ version: 2 });
    await openingsFailing(false);
    const again = await correct(v2);
    expect(again.statusCode, again.body).toBe(200);
    const v3 = await report('director', township);
    expect(v3.report).toMatchObject({ version: 3, origin: 'correction' });
    expect(v3.own.activeRate).toBeCloseTo(1 / 3, 10);
    expect(v3.versions.map((v) => [v.version, v.origin])).toEqual([
      [3, 'correction'],
      [2, 'correction'],
      [1, 'snapshot'],
    ]);
  });

  it('the Excel: shares and days are numbers with a number format, 本级 sections close with 本级合计, 填报人 — until submitted', async () => {
    await drainAll(ctx());
    const res = await get(`/api/reports/monthly.xlsx?orgId=${township}&month=2026-03`, 'director');
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月度统计')!;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => rows.push(row));
    const rowNamed = (name: string) => rows.find((row) => String(row.getCell(1).value) === name)!;
    const heading = rows.find((row) => String(row.getCell(2).value) === '收件数（件）')!;
    const col = (title: string) => {
      let n = 0;
      heading.eachCell((c, i) => {
        if (String(c.value) === title) n = i;
      });
      return n;
    };
    const own = rowNamed(`${(await report('director', township)).org.centerName}（本级）`);
    const active = own.getCell(col('主动评价率（%）'));
    expect(typeof active.value).toBe('number');
    expect(active.value as number).toBeCloseTo(1 / 3, 10);
    expect(active.numFmt).toBe('0.0%');
    const days = own.getCell(col('平均办结工作日（天）'));
    expect(typeof days.value).toBe('number');
    expect(days.numFmt).toBe('0.0');
    expect(own.getCell(col('收件数（件）')).value).toBe(3);

    const texts = rows.map((row) => String(row.getCell(1).value));
    expect(texts).toEqual(expect.arrayContaining(['二、按窗口统计（本级）', '三、按事项统计（本级）', '四、按部门统计（本级）']));
    expect(texts.filter((x) => x === '本级合计')).toHaveLength(3);
    expect(texts.some((x) => x.startsWith('注：本表只统计本级收件'))).toBe(true);
    // not submitted yet: nobody has filled it in (the screen shows 填报人：—), whoever exports it
    expect(texts).toContain('填报人：—');
  });

  it('a late report returned by the county still counts as late', async () => {
    at('2026-04-08T10:00:00');
    const mine = await report('director', township);
    const sent = await post(`/api/reports/monthly/${mine.report!.id}/submit`, 'director', { expectedVersion: mine.report!.rowVersion });
    expect(sent.statusCode, sent.body).toBe(200);
    const lateOnes = async () => {
      const res = await get(`/api/reports/monthly/submissions?orgId=${county}&month=2026-03`, 'county-dir');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as SubmissionList;
    };
    const before = await lateOnes();
    expect(before.centers.find((c) => c.orgId === township)).toMatchObject({ state: 'submitted_late', late: true });
    const lateCount = before.centers.filter((c) => c.late).length;
    const row = before.centers.find((c) => c.orgId === township)!;
    const back = await post(`/api/reports/monthly/${row.reportId}/return`, 'county-dir', { expectedVersion: row.rowVersion, comment: '评价数据请核对后重报' });
    expect(back.statusCode, back.body).toBe(200);
    const after = await lateOnes();
    expect(after.centers.find((c) => c.orgId === township)).toMatchObject({ state: 'returned_late', late: true });
    expect(after.centers.filter((c) => c.late)).toHaveLength(lateCount);
    expect((await report('director', township)).report).toMatchObject({ status: 'returned', state: 'returned_late' });
    // the Excel names who submitted it, as the screen does
    const xlsx = await get(`/api/reports/monthly.xlsx?orgId=${township}&month=2026-03`, 'director');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.getWorksheet('月度统计')!.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts).toContain(`填报人：${(await report('director', township)).report!.submittedBy}`);
  });
});
