// 标准化建设 (issue 13 §4): the village agent fills in the 五有 self-assessment (area checked against 40 m², the sign
// against the village's name) with photos through the file store, submits; the county supervisor inspects and scores,
// each item below its points becomes a gap with a deadline (a date, or working days by the calendar); the village
// records its rectification with a photo, the county sends one back and confirms, the round closes; the county table
// shows every center's latest score, open and overdue gaps, and exports to Excel; the system administrator saves a
// new checklist version (totals 100, stale copies 409). Stale versions answer 409, wrong parties 403.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundSchema, standardsTableSchema, checklistListSchema, type Round } from '../../src/domain/standards/contract.js';
import { remindGaps } from '../../src/modules/standards/remind-job.js';
import { jpegLike, portraitPng } from '../support/images.js';
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('标准化建设 (%s)', (dialect) => {
  let t: TestApp;
  let agent: string;
  let director: string;
  let supervisor: string;
  let admin: string;
  let clerk: string;
  let village: string;
  let township: string;
  let roundId: string;

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: unknown) => t.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  const round = async (cookie = agent): Promise<Round> => {
    const res = await get(cookie, `/api/standards/rounds/${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    return roundSchema.parse(res.json());
  };
  const answer = async (code: string, body: Record<string, unknown>, cookie = agent) => {
    const { version } = await round(cookie);
    return send(cookie, 'PUT', `/api/standards/rounds/${roundId}/items/${code}`, { ...body, expectedVersion: version });
  };
  const upload = (cookie: string, query: string, file: { name: string; content: Buffer; type?: string }) => {
    const body = multipart(file);
    return t.app.inject({ method: 'POST', url: `/api/standards/rounds/${roundId}/photos?${query}`, headers: { cookie, ...body.headers }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    t.clock.now = new Date('2026-11-10T09:00:00+08:00');
    const orgs = await t.database.db.selectFrom('orgs').selectAll().execute();
    village = orgs.find((o) => o.name === '柳河村')!.id;
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    [agent, director, supervisor, admin, clerk] = (await Promise.all(['agent', 'director', 'supervisor', 'admin', 'clerk'].map((u) => signIn(t.app, u)))) as [string, string, string, string, string];
  });
  afterAll(() => t.close());

  it('seeds the two checklists totalling 100; only the system administrator saves a new version', async () => {
    const list = checklistListSchema.parse((await get(agent, '/api/standards/checklists')).json());
    expect(list.checklists.map((c) => [c.level, c.version, c.total])).toEqual([
      ['township', 1, 100],
      ['village', 1, 100],
    ]);
    const village5 = list.checklists.find((c) => c.level === 'village')!;
    expect([...new Set(village5.items.map((i) => i.group))]).toEqual(['有场所', '有标识', '有制度上墙', '有代办员', '有代办记录']);
    expect(village5.items.find((i) => i.code === 'V-PLACE-AREA')).toMatchObject({ kind: 'number', min: 40, unit: '平方米' });

    const items = village5.items.map(({ code, group, title, requirement, points, kind, min, unit }) => ({ code, group, title, requirement, points, kind, min, unit }));
    expect((await send(agent, 'PUT', '/api/standards/checklists/village', { title: village5.title, items, reason: '试改', expectedVersion: 1 })).statusCode).toBe(403);
    const short = await send(admin, 'PUT', '/api/standards/checklists/village', { title: village5.title, items: items.slice(1), reason: '删一项', expectedVersion: 1 });
    expect(short.statusCode).toBe(422);
    expect(short.json().title).toContain('合计须为 100 分');
    const ok = await send(admin, 'PUT', '/api/standards/checklists/village', { title: village5.title, items, reason: '年度修订', expectedVersion: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, total: 100, reason: '年度修订' });
    expect((await send(admin, 'PUT', '/api/standards/checklists/village', { title: village5.title, items, reason: '再改', expectedVersion: 1 })).statusCode).toBe(409);
    const history = checklistListSchema.parse((await get(admin, '/api/standards/checklists?history=1')).json());
    expect(history.checklists.filter((c) => c.level === 'village').map((c) => c.version)).toEqual([2, 1]);
  });

  it('the village agent opens this year’s round once; a clerk may not', async () => {
    expect((await send(clerk, 'POST', '/api/standards/rounds', { orgId: village })).statusCode).toBe(403);
    const first = await send(agent, 'POST', '/api/standards/rounds', { orgId: village });
    expect(first.statusCode, first.body).toBe(201);
    const r = roundSchema.parse(first.json());
    roundId = r.id;
    expect(r).toMatchObject({ year: 2026, status: 'draft', orgName: '柳河村便民服务室', selfTotal: 0, checklist: { version: 2 } });
    expect(r.can).toMatchObject({ answer: true, submit: true, inspect: false });
    const again = await send(agent, 'POST', '/api/standards/rounds', { orgId: village });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(roundId);
    // the agent may not open a round of another village
    const other = (await t.database.db.selectFrom('orgs').select('id').where('level', '=', 'village').where('id', '!=', village).executeTakeFirstOrThrow()).id;
    expect((await send(agent, 'POST', '/api/standards/rounds', { orgId: other })).statusCode).toBe(403);
  });

  it('scores the answers by the standard: area against 40 m², the sign against the village’s name', async () => {
    let res = await answer('V-PLACE-AREA', { value: 32, note: '借用村委会会议室' });
    expect(res.statusCode, res.body).toBe(200);
    let item = roundSchema.parse(res.json()).items.find((i) => i.code === 'V-PLACE-AREA')!;
    expect(item).toMatchObject({ value: 32, selfScore: 0, note: '借用村委会会议室' });
    expect(item.selfReason).toContain('不足 40平方米');
    res = await answer('V-PLACE-AREA', { value: 45 });
    item = roundSchema.parse(res.json()).items.find((i) => i.code === 'V-PLACE-AREA')!;
    expect(item.selfScore).toBe(15);

    res = await answer('V-SIGN-NAME', { text: '柳河村便民服务站' });
    item = roundSchema.parse(res.json()).items.find((i) => i.code === 'V-SIGN-NAME')!;
    expect(item.selfScore).toBe(0);
    expect(item.selfReason).toContain('柳河村便民服务室');
    res = await answer('V-SIGN-NAME', { text: '柳河村 便民服务室' });
    expect(roundSchema.parse(res.json()).items.find((i) => i.code === 'V-SIGN-NAME')!.selfScore).toBe(10);

    // the kind decides what is asked
    expect((await answer('V-RULE-FEES', { value: 3 })).statusCode).toBe(422);
    // a stale copy
    const { version } = await round();
    expect((await send(agent, 'PUT', `/api/standards/rounds/${roundId}/items/V-RULE-FEES`, { met: true, expectedVersion: version - 1 })).statusCode).toBe(409);
  });

  it('keeps photos in the file store: type told by the content, the same photo kept once', async () => {
    const png = portraitPng(40, 30);
    const first = await upload(agent, 'itemCode=V-PLACE-AREA', { name: '服务室全景.png', content: png, type: 'image/png' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await upload(agent, 'itemCode=V-PLACE-AREA', { name: '服务室全景.png', content: png, type: 'image/png' });
    expect(again.statusCode).toBe(200);
    const photos = roundSchema.parse(again.json()).items.find((i) => i.code === 'V-PLACE-AREA')!.photos;
    expect(photos).toHaveLength(1);
    const text = await upload(agent, 'itemCode=V-PLACE-AREA', { name: '照片.jpg', content: Buffer.from('这不是照片'), type: 'image/jpeg' });
    expect(text.statusCode).toBe(415);
    const misnamed = await upload(agent, 'itemCode=V-PLACE-AREA', { name: '照片.png', content: jpegLike(2000, 3), type: 'image/png' });
    expect(misnamed.statusCode).toBe(415);
    expect(misnamed.json().code).toBe('FILE_NAME_MISMATCH');
    const bytes = await get(supervisor, photos[0]!.url);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.rawPayload.equals(png)).toBe(true);
    const stored = await t.database.db.selectFrom('files').selectAll().where('hash', '=', (await t.database.db.selectFrom('standard_photos').select('hash').executeTakeFirstOrThrow()).hash).executeTakeFirstOrThrow();
    expect(stored.refs).toBe(1);
  });

  it('submits only a complete self-assessment; after that the center can no longer change it', async () => {
    const { version } = await round();
    const incomplete = await send(agent, 'POST', `/api/standards/rounds/${roundId}/submit`, { expectedVersion: version });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().code).toBe('SELF_INCOMPLETE');
    expect(incomplete.json().title).toContain('代办登记台账');
    for (const code of ['V-PLACE-FACILITY', 'V-SIGN-GUIDE', 'V-RULE-ITEMS', 'V-RULE-PROCEDURE', 'V-RULE-FEES', 'V-RULE-SYSTEMS', 'V-AGENT-STAFF', 'V-AGENT-DUTY', 'V-RECORD-LEDGER']) {
      expect((await answer(code, { met: true })).statusCode).toBe(200);
    }
    // the township director fills in on the village's behalf
    expect((await answer('V-RECORD-FILES', { met: false, note: '委托书未按月归档' }, director)).statusCode).toBe(200);
    const before = await round();
    expect(before.selfTotal).toBe(93);
    expect(before.selfMissing).toEqual([]);
    const done = await send(agent, 'POST', `/api/standards/rounds/${roundId}/submit`, { expectedVersion: before.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(roundSchema.parse(done.json())).toMatchObject({ status: 'submitted', submittedByName: expect.any(String) });
    const late = await answer('V-RECORD-FILES', { met: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ROUND_STATE');
  });

  it('the county supervisor inspects and scores; items below their points become gaps with deadlines', async () => {
    const r = await round(supervisor);
    expect(r.can).toMatchObject({ inspect: true, return: true, answer: false });
    const full = r.items.map((i) => ({ code: i.code, score: i.points }));
    // a township director is not the county
    expect((await send(director, 'POST', `/api/standards/rounds/${roundId}/inspect`, { expectedVersion: r.version, items: full })).statusCode).toBe(403);
    const items = full.map((s) =>
      s.code === 'V-RULE-FEES'
        ? { ...s, score: 0, note: '未公示“代办免费”', dueDate: '2026-11-30' }
        : s.code === 'V-RECORD-FILES'
          ? { ...s, score: 3.5, note: '委托书 9、10 月未归档' }
          : s.code === 'V-PLACE-AREA'
            ? { ...s, value: 38 }
            : s,
    );
    const below = await send(supervisor, 'POST', `/api/standards/rounds/${roundId}/inspect`, { expectedVersion: r.version, items });
    expect(below.statusCode).toBe(422);
    expect(below.json().title).toContain('不足标准 40平方米');
    const noNote = items.map((s) => (s.code === 'V-AGENT-DUTY' ? { ...s, score: 5 } : s.code === 'V-PLACE-AREA' ? { code: s.code, score: s.score } : s));
    expect((await send(supervisor, 'POST', `/api/standards/rounds/${roundId}/inspect`, { expectedVersion: r.version, items: noNote })).json().title).toContain('请写明存在的问题');
    const fixed = items.map((s) => (s.code === 'V-PLACE-AREA' ? { ...s, value: 46 } : s));
    const res = await send(supervisor, 'POST', `/api/standards/rounds/${roundId}/inspect`, { expectedVersion: r.version, items: fixed, rectifyWorkingDays: 10 });
    expect(res.statusCode, res.body).toBe(200);
    const after = roundSchema.parse(res.json());
    expect(after).toMatchObject({ status: 'rectifying', inspectedTotal: 91.5, inspectedOn: '2026-11-10' });
    expect(after.gaps.map((g) => [g.itemCode, g.dueDate, g.status, g.lost])).toEqual([
      ['V-RULE-FEES', '2026-11-30', 'open', 5],
      // ten working days after Tuesday 10 November
      ['V-RECORD-FILES', '2026-11-24', 'open', 3.5],
    ]);
    expect(after.events.map((e) => e.action)).toEqual(['start', 'submit', 'inspect']);
    // inspected once
    expect((await send(supervisor, 'POST', `/api/standards/rounds/${roundId}/inspect`, { expectedVersion: after.version, items: fixed })).statusCode).toBe(409);
  });

  it('the county table shows self and inspected scores, open and overdue gaps; Excel too', async () => {
    const table = standardsTableSchema.parse((await get(supervisor, '/api/standards/table')).json());
    expect(table.canInspect).toBe(true);
    expect(table.rows.filter((r) => r.level === 'township')).toHaveLength(3);
    expect(table.rows.filter((r) => r.level === 'village')).toHaveLength(12);
    expect(table.rows.find((r) => r.orgId === village)).toMatchObject({ selfTotal: 93, inspectedTotal: 91.5, gapsOpen: 2, gapsOverdue: 0, statusName: '已检查，整改中', parentName: '柳河镇便民服务中心' });
    expect(table.rows.find((r) => r.orgId === township)).toMatchObject({ roundId: null, statusName: '未开始自评' });
    // the agent sees only their village
    const mine = standardsTableSchema.parse((await get(agent, '/api/standards/table')).json());
    expect(mine.rows.map((r) => r.orgId)).toEqual([village]);
    expect(mine.mine).toEqual([{ orgId: village, orgName: '柳河村便民服务室' }]);

    t.clock.now = new Date('2026-11-25T09:00:00+08:00');
    const later = standardsTableSchema.parse((await get(supervisor, '/api/standards/table?year=2026')).json());
    expect(later.rows.find((r) => r.orgId === village)).toMatchObject({ gapsOpen: 2, gapsOverdue: 1 });

    const xlsx = await get(supervisor, '/api/standards/table.xlsx?year=2026');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('标准化建设情况')!;
    expect(String(sheet.getCell(1, 1).value)).toBe('清河县政务服务中心标准化建设情况表（2026年）');
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('填报单位');
    const rows = sheet.getSheetValues().filter((row) => Array.isArray(row) && row[1] === '柳河村便民服务室') as unknown[][];
    expect(rows[0]!.slice(6, 11)).toEqual([93, 91.5, '2026-11-10', 2, 1]);
  });

  it('整改提醒: from three days before the nearest deadline the village agent is reminded once a day, with what is overdue', async () => {
    const ctx = { database: t.database, config: t.config, clock: () => t.clock.now };
    const sent = () => t.database.db.selectFrom('outbox_messages').select(['text']).where('template', '=', 'standards-gap-reminder').execute();
    // the nearest deadline is 11-24: nothing on the 20th, a reminder from the 21st
    expect(await remindGaps(ctx, new Date('2026-11-20T09:00:00+08:00'))).toBe(0);
    expect(await remindGaps(ctx, new Date('2026-11-25T09:00:00+08:00'))).toBe(1);
    // the job again the same day (another process, a restart): still one message
    await remindGaps(ctx, new Date('2026-11-25T15:00:00+08:00'));
    const messages = await sent();
    expect(messages.map((m) => m.text)).toEqual([
      '柳河村便民服务室标准化建设还有2项整改未完成，其中1项已超过整改期限（最早11月24日到期）。请在“统计考核 › 标准化建设”中写明整改情况并上传整改照片。',
    ]);
    const inbox = await get(agent, '/api/me/messages');
    expect(inbox.json().messages.map((m: { text: string }) => m.text)).toContain(messages[0]!.text);
  });

  it('rectification needs a photo; the county sends one back, confirms both, and the round closes', async () => {
    let r = await round();
    const fees = r.gaps.find((g) => g.itemCode === 'V-RULE-FEES')!;
    const files = r.gaps.find((g) => g.itemCode === 'V-RECORD-FILES')!;
    expect(fees.overdue).toBe(false);
    expect(files.overdue).toBe(true);
    const noPhoto = await send(agent, 'POST', `/api/standards/gaps/${fees.id}/rectify`, { expectedVersion: fees.version, note: '已制作“代办免费”公示牌' });
    expect(noPhoto.statusCode).toBe(422);
    expect(noPhoto.json().code).toBe('RECTIFY_PHOTO_MISSING');
    expect((await upload(agent, `gapId=${fees.id}`, { name: '公示牌.png', content: portraitPng(50, 40), type: 'image/png' })).statusCode).toBe(201);
    // a self-assessment photo is no longer accepted
    expect((await upload(agent, 'itemCode=V-RULE-FEES', { name: '公示牌.png', content: portraitPng(50, 41), type: 'image/png' })).statusCode).toBe(409);
    let res = await send(agent, 'POST', `/api/standards/gaps/${fees.id}/rectify`, { expectedVersion: fees.version, note: '已制作“代办免费”公示牌' });
    expect(res.statusCode, res.body).toBe(200);
    r = roundSchema.parse(res.json());
    expect(r.gaps.find((g) => g.id === fees.id)).toMatchObject({ status: 'rectified', rectification: '已制作“代办免费”公示牌', rectifiedLate: false });
    expect(r.gaps.find((g) => g.id === fees.id)!.photos).toHaveLength(1);

    // the agent cannot confirm their own rectification
    const rectified = r.gaps.find((g) => g.id === fees.id)!;
    expect((await send(agent, 'POST', `/api/standards/gaps/${fees.id}/confirm`, { expectedVersion: rectified.version })).statusCode).toBe(403);
    res = await send(supervisor, 'POST', `/api/standards/gaps/${fees.id}/reopen`, { expectedVersion: rectified.version, reason: '公示牌未张贴在显眼位置' });
    expect(res.statusCode, res.body).toBe(200);
    r = roundSchema.parse(res.json());
    const reopened = r.gaps.find((g) => g.id === fees.id)!;
    expect(reopened).toMatchObject({ status: 'open', reopenReason: '公示牌未张贴在显眼位置' });
    res = await send(agent, 'POST', `/api/standards/gaps/${fees.id}/rectify`, { expectedVersion: reopened.version, note: '公示牌已移到门口' });
    r = roundSchema.parse(res.json());
    res = await send(supervisor, 'POST', `/api/standards/gaps/${fees.id}/confirm`, { expectedVersion: r.gaps.find((g) => g.id === fees.id)!.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(roundSchema.parse(res.json()).status).toBe('rectifying');

    // the overdue gap, rectified late
    expect((await upload(agent, `gapId=${files.id}`, { name: '归档.jpg', content: jpegLike(3000, 9), type: 'image/jpeg' })).statusCode).toBe(201);
    r = await round();
    res = await send(agent, 'POST', `/api/standards/gaps/${files.id}/rectify`, { expectedVersion: r.gaps.find((g) => g.id === files.id)!.version, note: '9、10 月委托书已补归档' });
    r = roundSchema.parse(res.json());
    expect(r.gaps.find((g) => g.id === files.id)).toMatchObject({ status: 'rectified', rectifiedLate: true, overdue: false });
    res = await send(supervisor, 'POST', `/api/standards/gaps/${files.id}/confirm`, { expectedVersion: r.gaps.find((g) => g.id === files.id)!.version });
    r = roundSchema.parse(res.json());
    expect(r.status).toBe('closed');
    expect(r.closedAt).not.toBeNull();
    expect(r.events.map((e) => e.action)).toEqual(['start', 'submit', 'inspect', 'rectify', 'reopen', 'rectify', 'confirm', 'rectify', 'confirm']);
    const table = standardsTableSchema.parse((await get(supervisor, '/api/standards/table')).json());
    expect(table.rows.find((x) => x.orgId === village)).toMatchObject({ status: 'closed', gapsOpen: 0, gapsOverdue: 0 });
  });

  it('two confirmations at once close the round once; two first photos at once keep one', async () => {
    // a township round by its director, inspected with two gaps
    const start = await send(director, 'POST', '/api/standards/rounds', { orgId: township });
    expect(start.statusCode, start.body).toBe(201);
    roundId = start.json().id;
    let r = roundSchema.parse(start.json());
    for (const item of r.items) {
      const body = item.kind === 'check' ? { met: true } : item.kind === 'number' ? { value: 150 } : { text: '柳河镇便民服务中心' };
      expect((await answer(item.code, body, director)).statusCode).toBe(200);
    }
    r = await round(director);
    expect(r.selfTotal).toBe(100);
    const png = portraitPng(60, 60);
    const both = await Promise.all([upload(director, 'itemCode=T-HALL-AREA', { name: 'a.png', content: png }), upload(director, 'itemCode=T-HALL-AREA', { name: 'a.png', content: png })]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 201]);
    r = await round(director);
    expect(r.items.find((i) => i.code === 'T-HALL-AREA')!.photos).toHaveLength(1);
    expect((await send(director, 'POST', `/api/standards/rounds/${roundId}/submit`, { expectedVersion: r.version })).statusCode).toBe(200);
    r = await round(supervisor);
    const scores = r.items.map((i) => (i.code === 'T-RULE-AB' || i.code === 'T-DEVICE-RATING' ? { code: i.code, score: 0, note: '未落实' } : { code: i.code, score: i.points }));
    r = roundSchema.parse((await send(supervisor, 'POST', `/api/standards/rounds/${roundId}/inspect`, { expectedVersion: r.version, items: scores })).json());
    for (const gap of r.gaps) {
      expect((await upload(director, `gapId=${gap.id}`, { name: 'z.png', content: portraitPng(20, 20 + r.gaps.indexOf(gap)) })).statusCode).toBe(201);
      const now = await round(director);
      expect((await send(director, 'POST', `/api/standards/gaps/${gap.id}/rectify`, { expectedVersion: now.gaps.find((g) => g.id === gap.id)!.version, note: '已整改' })).statusCode).toBe(200);
    }
    r = await round(supervisor);
    const answers = await Promise.all(r.gaps.map((g) => send(supervisor, 'POST', `/api/standards/gaps/${g.id}/confirm`, { expectedVersion: g.version })));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.every((c) => c === 200 || c === 409), JSON.stringify(codes)).toBe(true);
    r = await round(supervisor);
    for (const g of r.gaps.filter((x) => x.status === 'rectified')) {
      expect((await send(supervisor, 'POST', `/api/standards/gaps/${g.id}/confirm`, { expectedVersion: g.version })).statusCode).toBe(200);
    }
    r = await round(supervisor);
    expect(r.status).toBe('closed');
    expect(r.events.filter((e) => e.action === 'confirm')).toHaveLength(2);
  });
});
