// 督办单 (issue 9 §3): a supervisor issues a card about a case, a violation or a center of their tree; it reaches the
// center's director (in-app + SMS, outbox rows written with the card), who answers (回告) by the reply date; the
// supervisor closes it (销号), sends the answer back, or raises its colour. Roles, trees, versions and
// Idempotency-Key are checked; the whole history and every print are kept.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardDetailSchema, cardListSchema, cardPaperSchema } from '../../src/domain/contract/supervision-cards.js';
import { supervisionSweepJob } from '../../src/modules/supervision/sweep-job.js';
import { loadConfig } from '../../src/server/config.js';
import { lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));

interface Card {
  id: string;
  cardNo: string;
  level: string;
  status: string;
  version: number;
  replyBy: string;
  light: string | null;
  late: boolean;
  allowedActions: string[];
  reply: { content: string; byName: string; late: boolean } | null;
  events: { action: string; byName: string; text: string; level: string; replyBy: string }[];
  prints: { id: string }[];
}

describe.each(DIALECTS)('督办单 (%s)', (dialect) => {
  let t: TestApp;
  let supervisor: string;
  let director: string;
  let clerk: string;
  let otherSupervisor: string;
  let otherDirector: string;
  let township: string;
  let otherTownship: string;
  let county: string;
  let village: string;
  let caseId: string;
  let caseNo: string;
  let directorId: string;
  let supervisorId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60, secureCookie: false } } });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00'); // a Monday
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    county = orgs.find((o) => o.level === 'county')!.id;
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    otherTownship = orgs.find((o) => o.name === '石桥乡')!.id;
    village = orgs.find((o) => o.name === '柳河村')!.id;
    // the director has a phone on record (SMS); a supervisor and a director of another township
    const demo = await db.selectFrom('users').selectAll().where('username', 'in', ['director', 'supervisor']).execute();
    directorId = demo.find((u) => u.username === 'director')!.id;
    supervisorId = demo.find((u) => u.username === 'supervisor')!.id;
    await db.updateTable('users').set({ phone: '13900001111' }).where('id', '=', directorId).execute();
    const base = demo.find((u) => u.username === 'director')!;
    for (const [username, roles] of [
      ['shiqiao-sup', ['supervisor']],
      ['shiqiao-dir', ['director']],
    ] as const) {
      await db.insertInto('users').values({ ...base, id: randomUUID(), username, name: `石桥${username}`, org_id: otherTownship, roles: JSON.stringify(roles), phone: null }).execute();
    }
    [supervisor, director, clerk, otherSupervisor, otherDirector] = (await Promise.all(
      ['supervisor', 'director', 'clerk', 'shiqiao-sup', 'shiqiao-dir'].map((u) => signIn(t.app, u)),
    )) as [string, string, string, string, string];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant, itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) },
    });
    expect(res.statusCode, res.body).toBe(201);
    ({ id: caseId, caseNo } = res.json());
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
  });

  /** Moves the server's clock (the sessions are made to last: days pass between the steps of a card). */
  const moveTo = (iso: string) => {
    t.clock.now = new Date(iso);
  };

  const issue = (cookie: string, payload: Record<string, unknown>, key: string = randomUUID()) =>
    t.app.inject({ method: 'POST', url: '/api/supervision/cards', headers: { cookie, 'idempotency-key': key }, payload });
  const act = (cookie: string, card: { id: string; version: number }, action: string, body: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/supervision/cards/${card.id}/${action}`, headers: { cookie }, payload: { expectedVersion: card.version, ...body } });
  const get = (cookie: string, id: string) => t.app.inject({ url: `/api/supervision/cards/${id}`, headers: { cookie } });
  const list = async (cookie: string, query = '') => {
    const res = await t.app.inject({ url: `/api/supervision/cards${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(cardListSchema.safeParse(res.json()).success).toBe(true);
    return res.json() as { cards: Card[]; total: number; open: number; late: number };
  };
  const outbox = (template: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', template).orderBy('created_at').execute();
  const ok = (res: { statusCode: number; body: string }, code = 200) => {
    expect(res.statusCode, res.body).toBe(code);
    const body = JSON.parse(res.body) as Card;
    expect(cardDetailSchema.safeParse(body).success).toBe(true);
    return body;
  };

  it('the whole cycle: an orange card on a case → the director answers → the supervisor closes it', async () => {
    const issued = ok(await issue(supervisor, { caseId, orgId: township, level: 'orange', content: '该件群众反映办理缓慢，请说明原因并加快办理。', replyBy: '2026-03-05' }), 201);
    expect(issued).toMatchObject({ cardNo: '督〔2026〕1号', level: 'orange', levelName: '橙色预警', status: 'issued', statusName: '待回告', subject: 'case', caseNo, orgName: '柳河镇便民服务中心', issuerName: '清河县', issuedByName: '孙正清', replyBy: '2026-03-05', light: 'green', late: false });
    expect(issued.allowedActions).toEqual(['raise']);
    expect(issued.events.map((e) => e.action)).toEqual(['issue']);

    // it reached the director: in-app and by SMS, one of each, written with the card
    const sent = await outbox('supervision-card-issued');
    expect(sent.map((m) => [m.channel, m.recipient])).toEqual(expect.arrayContaining([['inbox', directorId], ['sms', '13900001111']]));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.text).toBe(`柳河镇便民服务中心：纪检监察员对办件 ${caseNo}发出橙色督办单，请于2026年3月5日前回告`);
    expect(sent.every((m) => m.case_id === caseId)).toBe(true);

    // the director sees it among the cards to answer, and may answer it
    const mine = await list(director, '?status=issued');
    expect(mine.cards.map((c) => c.id)).toEqual([issued.id]);
    expect(mine.cards[0]!.allowedActions).toEqual(['reply']);

    moveTo('2026-03-04T10:00:00+08:00');
    const replied = ok(await act(director, issued, 'reply', { content: '经查，该件因材料核实延误，已于今日办结。' }));
    expect(replied).toMatchObject({ status: 'replied', light: null, reply: { content: '经查，该件因材料核实延误，已于今日办结。', byName: '李春梅', late: false } });
    const told = await outbox('supervision-card-replied');
    expect(told.map((m) => [m.channel, m.recipient])).toEqual([['inbox', supervisorId]]);
    expect(told[0]!.text).toContain('柳河镇便民服务中心已对办件');

    const closed = ok(await act(supervisor, replied, 'close', { remark: '整改到位，予以销号。' }));
    expect(closed).toMatchObject({ status: 'closed', statusName: '已销号', closedByName: '孙正清', allowedActions: [] });
    expect(closed.events.map((e) => [e.action, e.byName])).toEqual([
      ['issue', '孙正清'],
      ['reply', '李春梅'],
      ['close', '孙正清'],
    ]);
    // nothing more happens to a closed card
    expect((await act(supervisor, closed, 'raise', { reason: '再督办', replyBy: '2026-03-09' })).statusCode).toBe(409);
    // audited, each step
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', issued.id).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['card.issue', 'card.reply', 'card.close']);
  });

  it('raise: blue → orange → red with a new reply date each time, the director told again; late when unanswered', async () => {
    const blue = ok(await issue(supervisor, { orgId: township, level: 'blue', content: '本月即办件当日办结率偏低，请分析原因。', replyBy: '2026-03-06' }), 201);
    expect(blue).toMatchObject({ subject: 'center', caseNo: null, level: 'blue' });
    moveTo('2026-03-09T09:00:00+08:00');
    const late = ok(await get(supervisor, blue.id));
    expect(late).toMatchObject({ light: 'red', late: true });
    expect((await list(supervisor, '?late=true')).cards.map((c) => c.id)).toContain(blue.id);
    // a raise needs a date after today
    expect((await act(supervisor, late, 'raise', { reason: '逾期未回告', replyBy: '2026-03-06' })).json()).toMatchObject({ code: 'CARD_INVALID_REPLY_DATE' });
    const orange = ok(await act(supervisor, late, 'raise', { reason: '逾期未回告，升级为橙色预警。', replyBy: '2026-03-11' }));
    expect(orange).toMatchObject({ level: 'orange', status: 'issued', replyBy: '2026-03-11', light: 'green' });
    const red = ok(await act(supervisor, orange, 'raise', { reason: '仍未回告，启动问责。', replyBy: '2026-03-10' }));
    expect(red).toMatchObject({ level: 'red', levelName: '红色问责' });
    expect(red.allowedActions).toEqual([]);
    expect((await act(supervisor, red, 'raise', { reason: '再升级', replyBy: '2026-03-12' })).json()).toMatchObject({ code: 'CARD_ALREADY_RED' });
    const raised = (await outbox('supervision-card-raised')).filter((m) => m.channel === 'sms');
    expect(raised.map((m) => m.text)).toEqual([
      '柳河镇便民服务中心：纪检监察员将对柳河镇便民服务中心的督办单升级为橙色督办单，请于2026年3月11日前回告',
      '柳河镇便民服务中心：纪检监察员将对柳河镇便民服务中心的督办单升级为红色督办单，请于2026年3月10日前回告',
    ]);
    expect(red.events.map((e) => [e.action, e.level, e.replyBy])).toEqual([
      ['issue', 'blue', '2026-03-06'],
      ['raise', 'orange', '2026-03-11'],
      ['raise', 'red', '2026-03-10'],
    ]);
    // a weak answer goes back; the center answers again
    const answered = ok(await act(director, red, 'reply', { content: '知道了。' }));
    const returned = ok(await act(supervisor, answered, 'return', { reason: '未说明原因和整改措施，请重新回告。' }));
    expect(returned).toMatchObject({ status: 'returned', statusName: '退回重新回告', allowedActions: [] }); // red: nothing higher to raise to
    expect(ok(await get(director, red.id)).allowedActions).toEqual(['reply']);
  });

  it('wrong roles are refused (403): clerks see nothing, directors do not issue or close, supervisors do not answer', async () => {
    const card = ok(await issue(supervisor, { caseId, orgId: township, level: 'blue', content: '请关注该件进度。', replyBy: '2026-03-05' }), 201);
    expect((await issue(clerk, { orgId: township, level: 'blue', content: '督办', replyBy: '2026-03-05' })).statusCode).toBe(403);
    expect((await issue(director, { orgId: township, level: 'blue', content: '督办', replyBy: '2026-03-05' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/supervision/cards', headers: { cookie: clerk } })).statusCode).toBe(403);
    expect((await get(clerk, card.id)).statusCode).toBe(403);
    expect((await act(supervisor, card, 'reply', { content: '代为回告' })).statusCode).toBe(403);
    expect((await act(director, card, 'close')).statusCode).toBe(403);
    expect((await act(director, card, 'raise', { reason: '升级', replyBy: '2026-03-06' })).statusCode).toBe(403);
    // the refusals are in Chinese and recorded
    expect((await act(director, card, 'close')).json().title).toMatch(/您没有发出、升级和销号督办单的权限/);
  });

  it("another township's supervisor and director neither see nor act on the card; nor do they issue to this center", async () => {
    const card = ok(await issue(supervisor, { caseId, orgId: township, level: 'orange', content: '请说明办理进度。', replyBy: '2026-03-05' }), 201);
    expect((await get(otherSupervisor, card.id)).statusCode).toBe(403);
    expect((await get(otherDirector, card.id)).statusCode).toBe(403);
    expect((await act(otherDirector, card, 'reply', { content: '回告' })).statusCode).toBe(403);
    expect((await act(otherSupervisor, card, 'raise', { reason: '升级', replyBy: '2026-03-06' })).statusCode).toBe(403);
    expect((await list(otherSupervisor)).cards).toEqual([]);
    expect((await list(otherDirector)).cards).toEqual([]);
    expect((await issue(otherSupervisor, { orgId: township, level: 'blue', content: '督办', replyBy: '2026-03-05' })).statusCode).toBe(403);
    // the case is not of their tree either
    expect((await issue(otherSupervisor, { caseId, orgId: otherTownship, level: 'blue', content: '督办', replyBy: '2026-03-05' })).statusCode).toBe(404);
    // the supervisor sees every card of the tree, and filters them
    const county = await list(supervisor, `?orgId=${township}&level=orange`);
    expect(county.cards.every((c) => c.level === 'orange')).toBe(true);
    expect(county.cards.map((c) => c.id)).toContain(card.id);
  });

  it('a stale version answers 409, and nothing changes', async () => {
    const card = ok(await issue(supervisor, { orgId: township, level: 'orange', content: '请说明。', replyBy: '2026-03-05' }), 201);
    const replied = ok(await act(director, card, 'reply', { content: '已整改。' }));
    const stale = await act(supervisor, card, 'close');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(ok(await get(supervisor, card.id))).toMatchObject({ status: 'replied', version: replied.version });
    expect(ok(await act(supervisor, replied, 'close'))).toMatchObject({ status: 'closed' });
  });

  it('the same Idempotency-Key twice makes one card, and tells the director once', async () => {
    const key = randomUUID();
    const payload = { caseId, orgId: township, level: 'red', content: '该件超期，启动问责。', replyBy: '2026-03-04' };
    const before = (await outbox('supervision-card-issued')).length;
    const first = ok(await issue(supervisor, payload, key), 201);
    const again = ok(await issue(supervisor, payload, key), 200);
    expect(again.id).toBe(first.id);
    const cards = await t.database.db.selectFrom('supervision_cards').select('id').where('content', '=', '该件超期，启动问责。').execute();
    expect(cards).toHaveLength(1);
    // the key sent again with another card is refused (422) and issues nothing
    const other = await issue(supervisor, { ...payload, level: 'blue', content: '请说明超期原因。' }, key);
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await t.database.db.selectFrom('supervision_cards').select('id').where('content', '=', '请说明超期原因。').execute()).toHaveLength(0);
    expect((await outbox('supervision-card-issued')).length - before).toBe(2);
  });

  it('checks what it is issued for: a center of the tree (not a village room), a case of that center, a working day ahead', async () => {
    expect((await issue(supervisor, { orgId: village, level: 'blue', content: '督办', replyBy: '2026-03-05' })).json()).toMatchObject({ code: 'CARD_ORG_NOT_CENTER' });
    expect((await issue(supervisor, { caseId, orgId: otherTownship, level: 'blue', content: '督办', replyBy: '2026-03-05' })).json()).toMatchObject({ code: 'CARD_SUBJECT_ELSEWHERE' });
    const sunday = await issue(supervisor, { orgId: township, level: 'blue', content: '督办', replyBy: '2026-03-08' });
    expect(sunday.statusCode).toBe(422);
    expect(sunday.json().title).toMatch(/休息日/);
    expect((await issue(supervisor, { orgId: township, level: 'blue', content: '督办', replyBy: '2026-03-02' })).json().title).toMatch(/须晚于今天/);
    expect((await issue(supervisor, { orgId: township, level: 'purple', content: '督办', replyBy: '2026-03-05' })).statusCode).toBe(400);
    expect((await issue(supervisor, { orgId: township, level: 'blue', content: '  ', replyBy: '2026-03-05' })).statusCode).toBe(400);
    // the county center itself may be supervised by the county's supervisor
    expect((await issue(supervisor, { orgId: county, level: 'blue', content: '县中心窗口排队时间过长，请改进。', replyBy: '2026-03-05' })).statusCode).toBe(201);
    const defaults = await t.app.inject({ url: `/api/supervision/cards/defaults?orgId=${township}`, headers: { cookie: supervisor } });
    expect(defaults.json()).toMatchObject({ today: '2026-03-02', replyBy: { blue: '2026-03-09', orange: '2026-03-05', red: '2026-03-04' } });
  });

  it('a card about a violation names its rule and facts; the printed card is composed, recorded and audited', async () => {
    const violationId = randomUUID();
    await t.database.db
      .insertInto('violations' as never)
      .values({
        id: violationId,
        occurrence_key: `promise-overrun:${caseId}`,
        rule_code: 'promise-overrun',
        case_id: caseId,
        case_no: caseNo,
        org_id: township,
        window_id: null,
        person_id: null,
        severity: 'violation',
        fired_at: '2026-03-02T01:00:00.000Z',
        occurred_at: '2026-03-01T09:30:00.000Z',
        facts: '{}',
        // the shape recordFirings writes (src/modules/supervision/record.ts): one { label, value } per fact
        fact_lines: JSON.stringify([
          { label: '承诺办结时间', value: '2026-03-01 17:30' },
          { label: '超时', value: '15 小时 30 分钟' },
        ]),
        facts_text: '承诺办结时间：2026年3月1日17:30；超期：1 个工作日',
        status: 'open',
        version: 1,
        updated_at: '2026-03-02T01:00:00.000Z',
      } as never)
      .execute();
    const card = ok(await issue(supervisor, { violationId, orgId: township, level: 'orange', content: '请说明超期原因。', replyBy: '2026-03-05' }), 201);
    expect(card).toMatchObject({ subject: 'violation', subjectName: '监察预警', ruleNumber: 'JC-01', ruleName: '承诺件超期', caseId, caseNo, subjectText: `JC-01 承诺件超期（办件 ${caseNo}）` });
    expect((await list(supervisor, `?violationId=${violationId}`)).cards.map((c) => c.id)).toEqual([card.id]);

    const paper = await t.app.inject({ url: `/api/supervision/cards/${card.id}/paper`, headers: { cookie: director } });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(cardPaperSchema.safeParse(paper.json()).success).toBe(true);
    expect(paper.json()).toMatchObject({
      issuer: { name: '清河县' },
      center: { centerName: '柳河镇便民服务中心' },
      case: { caseNo, applicantName: '王大山' },
      violation: { ruleNumber: 'JC-01', ruleName: '承诺件超期', facts: ['承诺办结时间：2026-03-01 17:30', '超时：15 小时 30 分钟'] },
      supervisionPhone: '0371-6688 1200',
    });
    const printed = await t.app.inject({ method: 'POST', url: `/api/supervision/cards/${card.id}/prints`, headers: { cookie: supervisor } });
    expect(printed.statusCode, printed.body).toBe(201);
    expect(ok(await get(supervisor, card.id)).prints.map((p) => p.id)).toEqual([printed.json().id]);
    const stored = await t.database.db.selectFrom('supervision_card_prints').selectAll().where('card_id', '=', card.id).execute();
    expect(JSON.parse(stored[0]!.content).card.cardNo).toBe(card.cardNo);
    expect((await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', card.id).execute()).map((a) => a.action)).toContain('card.print');
    expect((await t.app.inject({ url: `/api/supervision/cards/${card.id}/paper`, headers: { cookie: otherDirector } })).statusCode).toBe(403);
  });
  it("issue 9's 'done means': a township case overdue is red after one sweep, its violation names the rule and facts; an orange card on it is answered and closed, and prints those facts", async () => {
    const ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant, itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const overdue = res.json() as { id: string; caseNo: string; dueAt: string };
    expect(overdue.dueAt).toBe('2026-03-16T09:30:00.000Z'); // 10 working days: Monday 16 March 17:30
    await drainAll(ctx);

    // the first sweeps after the due date: red on the ledger, and one JC-01 violation with its facts
    moveTo('2026-03-17T09:00:00+08:00');
    expect(await runJobOnce(ctx, lightSweepJob)).toBe(true);
    expect(await runJobOnce(ctx, supervisionSweepJob)).toBe(true);
    const red = await t.app.inject({ url: `/api/cases?light=red&orgId=${township}&pageSize=100`, headers: { cookie: supervisor } });
    expect(red.statusCode, red.body).toBe(200);
    expect(red.json().cases.map((c: { id: string }) => c.id)).toContain(overdue.id);
    const listed = await t.app.inject({ url: `/api/supervision/violations?caseId=${overdue.id}`, headers: { cookie: supervisor } });
    const [v] = listed.json().violations as { id: string; ruleNumber: string; ruleName: string; factsText: string; orgId: string }[];
    expect(listed.json().total).toBe(1);
    expect(v).toMatchObject({ ruleNumber: 'JC-01', ruleName: '承诺件超期', orgId: township });
    expect(v!.factsText).toBe('本件为承诺件，应于 2026-03-16 17:30 前办结，至 2026-03-17 09:00 仍未办结，已超时 15 小时 30 分钟。');

    // the orange card about the violation: answered by the director, closed by the supervisor
    const card = ok(await issue(supervisor, { violationId: v!.id, orgId: township, level: 'orange', content: '该件超过承诺时限，请说明原因并限期办结。', replyBy: '2026-03-20' }), 201);
    expect(card).toMatchObject({ subject: 'violation', ruleNumber: 'JC-01', caseId: overdue.id, caseNo: overdue.caseNo, status: 'issued' });
    moveTo('2026-03-18T10:00:00+08:00');
    const replied = ok(await act(director, card, 'reply', { content: '调查核实需村委会出具证明，已督促，今日办结。' }));
    const closed = ok(await act(supervisor, replied, 'close', { remark: '已办结，予以销号。' }));
    expect(closed.events.map((e) => e.action)).toEqual(['issue', 'reply', 'close']);

    // the printed card carries the rule and the facts as lines of text
    const paper = await t.app.inject({ url: `/api/supervision/cards/${card.id}/paper`, headers: { cookie: supervisor } });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(cardPaperSchema.safeParse(paper.json()).success).toBe(true);
    expect(paper.json().violation).toMatchObject({
      ruleNumber: 'JC-01',
      facts: ['受理时间：2026-03-02 09:00', '承诺办结时间：2026-03-16 17:30', '检查时间：2026-03-17 09:00', '超时：15 小时 30 分钟'],
    });
  });
});
