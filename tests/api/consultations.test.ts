// 咨询 and the items' FAQ (issue 10 §3): window, phone and online questions logged with the answer, who answered, the
// item and the channel; an online question waits as 待答复 and its answer reaches the asker by SMS (outbox) and the
// public query; the questions asked most about an item are grouped and counted; a clerk or the director promotes one
// into the item's FAQ, edits, orders and retires entries (versioned, history kept); the FAQ is public.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationDetailSchema, consultationListSchema, faqEntryDetailSchema, faqListSchema, frequentQuestionsSchema, publicFaqSchema } from '../../src/domain/consultations/contract.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('咨询和常见问题 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let clerk2: string;
  let director: string;
  let supervisor: string;
  let agent: string;
  let auditor: string;
  let otherClerk: string;
  let township: string;
  let village: string;
  let otherTownship: string;

  const post = (cookie: string, url: string, payload: unknown, key: string | null = randomUUID()) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as object });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const count = async (table: 'consultations' | 'item_faqs' | 'outbox_messages') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const log = async (cookie: string, body: Record<string, unknown>) => {
    const res = await post(cookie, '/api/consultations', { channel: 'window', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return consultationDetailSchema.parse(res.json());
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-12-07T09:00:00+08:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    otherTownship = orgs.find((o) => o.name === '石桥乡')!.id;
    village = orgs.find((o) => o.name === '柳河村')!.id;
    const base = (await db.selectFrom('users').selectAll().where('username', '=', 'clerk').executeTakeFirstOrThrow());
    await db.insertInto('users').values({ ...base, id: randomUUID(), username: 'shiqiao-clerk', name: '石桥窗口', org_id: otherTownship }).execute();
    [clerk, clerk2, director, supervisor, agent, auditor, otherClerk] = (await Promise.all(
      ['clerk', 'clerk2', 'director', 'supervisor', 'agent', 'auditor', 'shiqiao-clerk'].map((u) => signIn(t.app, u)),
    )) as [string, string, string, string, string, string, string];
  });
  afterAll(() => t.close());

  it('the demo has consultations, questions waiting online and the FAQ of two items', async () => {
    const list = consultationListSchema.parse((await get(clerk, '/api/consultations?status=pending&channel=online')).json());
    expect(list.total).toBeGreaterThanOrEqual(2);
    // 待答复: whoever has waited longest comes first; the whole list stays newest first
    const asked = list.consultations.map((c) => c.askedAt);
    expect(asked).toEqual([...asked].sort());
    expect(new Set(asked).size).toBeGreaterThan(1);
    const all = consultationListSchema.parse((await get(clerk, '/api/consultations?channel=online')).json()).consultations.map((c) => c.askedAt);
    expect(all).toEqual([...all].sort().reverse());
    for (const [code, n] of [['MZ-002', 3], ['GA-001', 2]] as const) {
      const faq = publicFaqSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/items/${code}/faq?orgId=${village}` })).json());
      expect(faq.entries).toHaveLength(n);
      expect(faq.orgId).toBe(township);
    }
  });

  it('a clerk logs a window question with the answer given; a double submit makes one record', async () => {
    const key = randomUUID();
    const body = { channel: 'window', itemCode: 'MZ-003', question: '办低保需要带什么材料？', answer: '带身份证、户口簿和收入证明。', askerName: '王大山' };
    const before = await count('consultations');
    const first = await post(clerk, '/api/consultations', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const c = consultationDetailSchema.parse(first.json());
    expect(c).toMatchObject({ status: 'answered', channel: 'window', itemCode: 'MZ-003', itemName: '城乡居民最低生活保障', answeredByName: '王晓燕', loggedByName: '王晓燕', orgId: township });
    expect(c.consultationNo).toMatch(/^ZX20261207\d{4}$/);
    expect(c.events.map((e) => e.action)).toEqual(['logged']);
    const again = await post(clerk, '/api/consultations', body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(c.id);
    // the same key sent twice at once: one record, never a 500
    const key2 = randomUUID();
    const both = await Promise.all([post(clerk, '/api/consultations', body, key2), post(clerk, '/api/consultations', body, key2)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]!.json().id).toBe(both[1]!.json().id);
    expect(await count('consultations')).toBe(before + 2);
  });

  it('the same Idempotency-Key with another question is refused (422) and writes nothing; the same question replays', async () => {
    const key = randomUUID();
    const body = { channel: 'window', itemCode: 'MZ-003', question: '低保多久能批下来？', answer: '一般二十五个工作日。', askerName: '测试甲' };
    const first = await post(clerk, '/api/consultations', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const before = await count('consultations');
    const other = await post(clerk, '/api/consultations', { ...body, askerName: '测试乙', question: '临时救助怎么申请？' }, key);
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.json().title).toContain('内容不同');
    expect(await count('consultations')).toBe(before);
    const again = await post(clerk, '/api/consultations', body, key);
    expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
    expect(await count('consultations')).toBe(before);

    // the public form the same way: the key sent again with another question is refused, the first one kept (from a
    // phone of its own: the public form's rate limit counts per address, and other tests here use the default one)
    const publicKey = randomUUID();
    const ask = (question: string) =>
      t.app.inject({ method: 'POST', url: '/api/public/consultations', remoteAddress: '127.0.0.77', headers: { 'idempotency-key': publicKey }, payload: { orgId: township, name: '测试甲', phone: '13911113333', question } });
    const asked = await ask('社保卡丢了怎么补？');
    expect(asked.statusCode, asked.body).toBe(201);
    const otherAsked = await ask('医保怎么转移？');
    expect([otherAsked.statusCode, otherAsked.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const askedAgain = await ask('社保卡丢了怎么补？');
    expect([askedAgain.statusCode, askedAgain.json()]).toEqual([200, asked.json()]);
    expect(await count('consultations')).toBe(before + 1);

    // a new FAQ entry: the key sent again with another answer is refused, the same entry replays
    const faqKey = randomUUID();
    const faq = { itemCode: 'MZ-003', question: '低保申请后多久有结果？', answer: '一般二十五个工作日内。' };
    const made = await post(clerk, '/api/faq', faq, faqKey);
    expect(made.statusCode, made.body).toBe(201);
    const entries = await count('item_faqs');
    const otherFaq = await post(clerk, '/api/faq', { ...faq, answer: '三个月。' }, faqKey);
    expect([otherFaq.statusCode, otherFaq.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count('item_faqs')).toBe(entries);
    const faqAgain = await post(clerk, '/api/faq', faq, faqKey);
    expect([faqAgain.statusCode, faqAgain.json().id]).toEqual([200, made.json().id]);
  });

  it('bad input changes nothing', async () => {
    const before = await count('consultations');
    for (const [body, status] of [
      [{ channel: 'window', question: '' }, 400],
      [{ channel: 'online', question: '问题' }, 400],
      [{ channel: 'window', question: 'x'.repeat(501) }, 400],
      [{ channel: 'window', question: '问题', itemCode: 'NOPE-1' }, 422],
      [{ channel: 'phone', question: '问题', askerPhone: '12345' }, 422],
    ] as const) {
      const res = await post(clerk, '/api/consultations', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await post(clerk, '/api/consultations', { channel: 'window', question: '问题' }, null)).statusCode).toBe(400);
    const pub = await t.app.inject({ method: 'POST', url: '/api/public/consultations', headers: { 'idempotency-key': randomUUID() }, payload: { orgId: township, name: '李四', phone: '1381234', question: '问题' } });
    expect(pub.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/consultations', headers: { 'idempotency-key': randomUUID() }, payload: { orgId: 'nope', name: '李四', phone: '13812345678', question: '问题' } })).statusCode).toBe(404);
    expect(await count('consultations')).toBe(before);
  });

  it('an online question waits as 待答复; the answer goes to the asker by SMS and the public query', async () => {
    const key = randomUUID();
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/consultations',
        headers: { 'idempotency-key': key },
        payload: { orgId: township, name: '赵小红', phone: '13911112222', itemCode: 'MZ-002', question: '老年人优待证要本人去办吗？' },
      });
    const before = await count('consultations');
    const asked = await ask();
    expect(asked.statusCode, asked.body).toBe(201);
    const { consultationNo, queryCode } = asked.json() as { consultationNo: string; queryCode: string };
    expect(queryCode).toMatch(/^\d{6}$/);
    // sent again from a phone on a bad network: the same question, its number and code, nothing new
    const again = await ask();
    expect([again.statusCode, again.json()]).toEqual([200, { consultationNo, queryCode }]);
    expect(await count('consultations')).toBe(before + 1);
    // without a key the public form is told what to do
    expect((await t.app.inject({ method: 'POST', url: '/api/public/consultations', payload: { orgId: township, name: '赵小红', phone: '13911112222', question: '问题' } })).statusCode).toBe(400);
    const waiting = await t.app.inject({ method: 'GET', url: `/api/public/consultations?consultationNo=${consultationNo}&queryCode=${queryCode}` });
    expect(waiting.json()).toMatchObject({ status: 'pending', statusName: '待答复', answer: null, itemName: '老年人优待证办理' });

    const list = consultationListSchema.parse((await get(clerk, '/api/consultations?status=pending&channel=online')).json());
    const c = list.consultations.find((x) => x.consultationNo === consultationNo)!;
    expect(c).toMatchObject({ askerName: '赵小红', askerPhone: '13911112222', allowedActions: ['answer'] });
    expect(list.pending).toBeGreaterThanOrEqual(1);

    // a stale copy answers 409 and changes nothing
    const stale = await post(clerk, `/api/consultations/${c.id}/answer`, { answer: '可以由家属代办。', expectedVersion: c.version + 1 });
    expect(stale.statusCode).toBe(409);
    const outboxBefore = await count('outbox_messages');
    const ok = await post(clerk2, `/api/consultations/${c.id}/answer`, { answer: '可以由家属持老人身份证代办。', expectedVersion: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'answered', answeredByName: '张磊', answer: '可以由家属持老人身份证代办。' });
    expect(ok.json().events.map((e: { action: string }) => e.action)).toEqual(['asked', 'answered']);
    expect(await count('outbox_messages')).toBe(outboxBefore + 1);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'consultation-answered').where('recipient', '=', '13911112222').execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.channel).toBe('sms');
    expect(sms[0]!.text).toContain(consultationNo);
    expect(sms[0]!.text).toContain('可以由家属持老人身份证代办。');
    // answered once: a second answer is refused
    expect((await post(clerk, `/api/consultations/${c.id}/answer`, { answer: '再答一次', expectedVersion: c.version + 1 })).statusCode).toBe(409);

    const answered = await t.app.inject({ method: 'GET', url: `/api/public/consultations?consultationNo=${consultationNo}&phone4=2222` });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: '可以由家属持老人身份证代办。' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/consultations?consultationNo=${consultationNo}&queryCode=${queryCode === '000000' ? '111111' : '000000'}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/consultations?consultationNo=${consultationNo}` })).statusCode).toBe(400);
  });

  it('a long answer\'s SMS points to the public query, number filled in, once the public address is set; the address is last', async () => {
    const admin = await signIn(t.app, 'admin');
    expect((await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: 'http://bm.qinghe.gov.cn' } })).statusCode).toBe(200);
    try {
      // a phone question logged to be answered later (the public form's own limit is the races test's)
      const c = await log(clerk, { channel: 'phone', itemCode: 'MZ-003', question: '办理低保需要什么材料？', askerPhone: '13911113333' });
      expect(c.status).toBe('pending');
      const { consultationNo } = c;
      const long = '需要户口簿、身份证、家庭收入证明和财产状况说明，'.repeat(8);
      expect((await post(clerk, `/api/consultations/${c.id}/answer`, { answer: long, expectedVersion: c.version })).statusCode).toBe(200);
      const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'consultation-answered').where('recipient', '=', '13911113333').executeTakeFirstOrThrow();
      expect(sms.text.endsWith(`……完整答复请凭查询码查看：http://bm.qinghe.gov.cn/consult/query?no=${consultationNo}`)).toBe(true);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: null } });
    }
  });

  it('who logs, answers and sees what', async () => {
    const pending = await log(clerk, { channel: 'phone', itemCode: 'MZ-003', question: '低保每月发多少？', askerPhone: '13800001111' });
    expect(pending.status).toBe('pending');
    // the agent and the auditor do not log; the supervisor reads but does not log or answer
    expect((await post(agent, '/api/consultations', { channel: 'window', question: '问题' })).statusCode).toBe(403);
    expect((await post(supervisor, '/api/consultations', { channel: 'window', question: '问题' })).statusCode).toBe(403);
    expect((await get(auditor, '/api/consultations')).statusCode).toBe(403);
    expect((await post(supervisor, `/api/consultations/${pending.id}/answer`, { answer: '答', expectedVersion: 1 })).statusCode).toBe(403);
    // another township's clerk neither sees nor answers it
    expect((await get(otherClerk, `/api/consultations/${pending.id}`)).statusCode).toBe(403);
    expect((await post(otherClerk, `/api/consultations/${pending.id}/answer`, { answer: '答', expectedVersion: 1 })).statusCode).toBe(403);
    expect(consultationListSchema.parse((await get(otherClerk, '/api/consultations')).json()).consultations.some((c) => c.id === pending.id)).toBe(false);
    // the supervisor sees the tree, the phone masked
    const seen = consultationDetailSchema.parse((await get(supervisor, `/api/consultations/${pending.id}`)).json());
    expect(seen.askerPhone).toBe('138****1111');
    expect(seen.allowedActions).toEqual([]);
    expect(consultationDetailSchema.parse((await get(director, `/api/consultations/${pending.id}`)).json()).askerPhone).toBe('13800001111');
    // a phone question answered later: the SMS goes too
    const done = await post(director, `/api/consultations/${pending.id}/answer`, { answer: '按家庭人均收入差额发放。', expectedVersion: pending.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(await t.database.db.selectFrom('outbox_messages').select('id').where('recipient', '=', '13800001111').execute()).toHaveLength(1);
  });

  it('lists filter by item, channel, status, dates and text, page by page', async () => {
    await log(clerk, { itemCode: 'MZ-006', question: '残疾证在哪里办？', answer: '县残联。' });
    const by = async (qs: string) => consultationListSchema.parse((await get(clerk, `/api/consultations?${qs}`)).json());
    const item = await by('itemCode=MZ-006');
    expect(item.total).toBe(1);
    expect(item.consultations[0]!.question).toBe('残疾证在哪里办？');
    expect((await by('channel=phone')).consultations.every((c) => c.channel === 'phone')).toBe(true);
    expect((await by('status=answered')).consultations.every((c) => c.status === 'answered')).toBe(true);
    expect((await by('q=残疾证')).total).toBe(1);
    expect((await by('from=2026-12-07&to=2026-12-07')).total).toBeGreaterThanOrEqual(4);
    // the demo's consultations are dated by the real clock, which runs on past the test's day: a day filter is
    // checked by what it lets through, not by an empty answer
    const later = await by('from=2026-12-08&pageSize=100');
    expect(later.consultations.every((c) => c.askedAt >= '2026-12-07T16:00:00.000Z')).toBe(true);
    expect(later.consultations.some((c) => c.question === '残疾证在哪里办？')).toBe(false);
    expect((await by('to=2025-12-31')).total).toBe(0);
    const all = await by('pageSize=2');
    expect(all.consultations).toHaveLength(2);
    const page2 = await by('pageSize=2&page=2');
    expect(page2.consultations[0]!.id).not.toBe(all.consultations[0]!.id);
    expect((await get(clerk, '/api/consultations?channel=fax')).statusCode).toBe(400);
    expect((await get(clerk, '/api/consultations?from=7.12.2026')).statusCode).toBe(400);
  });

  it('groups the questions asked most about an item and counts them', async () => {
    for (const q of ['特困供养要带什么材料？', '请问办特困供养要带什么材料', '特困供养需要什么材料？', '特困供养多久能批下来', '特困供养一般多久能批下来？']) await log(clerk2, { itemCode: 'MZ-004', question: q, answer: '答复' });
    t.clock.advanceMinutes(5);
    await log(clerk2, { itemCode: 'MZ-004', question: '特困供养要带什么材料？', answer: '身份证、户口簿' });
    const f = frequentQuestionsSchema.parse((await get(clerk, '/api/consultations/frequent?itemCode=MZ-004')).json());
    expect(f.groups.map((g) => g.count)).toEqual([4, 2]);
    expect(f.groups[0]).toMatchObject({ question: '特困供养要带什么材料？', answer: '身份证、户口簿' });
    expect(f.groups[0]!.consultationIds).toContain(f.groups[0]!.sampleId);
    const items = (await get(clerk, '/api/consultations/items')).json() as { items: { itemCode: string; count: number; faqCount: number }[] };
    expect(items.items.find((i) => i.itemCode === 'MZ-004')).toMatchObject({ count: 6, faqCount: 0 });
    // another township sees none of it
    expect(frequentQuestionsSchema.parse((await get(otherClerk, '/api/consultations/frequent?itemCode=MZ-004')).json()).groups).toEqual([]);
    expect((await get(otherClerk, `/api/consultations/frequent?itemCode=MZ-004&orgId=${township}`)).statusCode).toBe(403);
  });

  it('promotes a consultation into the item FAQ, edits, orders, retires and restores entries; the FAQ is public', async () => {
    const source = await log(clerk, { itemCode: 'MZ-009', question: '结婚登记要带啥？', answer: '双方身份证和户口簿' });
    expect(source.allowedActions).toEqual(['promote']);
    const key = randomUUID();
    const body = { itemCode: 'MZ-009', question: '办理结婚登记需要带哪些材料？', answer: '男女双方的居民身份证和户口簿原件。', consultationId: source.id };
    const promoted = await post(clerk, '/api/faq', body, key);
    expect(promoted.statusCode, promoted.body).toBe(201);
    const a = faqEntryDetailSchema.parse(promoted.json());
    expect(a).toMatchObject({ position: 1, status: 'active', version: 1, sourceConsultationId: source.id, orgId: township });
    expect(a.events.map((e) => e.action)).toEqual(['promote']);
    expect((await post(clerk, '/api/faq', body, key)).json().id).toBe(a.id); // a double submit: one entry
    expect((await post(clerk, '/api/faq', body)).statusCode).toBe(409); // promoted already
    const after = consultationDetailSchema.parse((await get(clerk, `/api/consultations/${source.id}`)).json());
    expect(after.faqId).toBe(a.id);
    expect(after.events.map((e) => e.action)).toEqual(['logged', 'promoted']);
    // only an answered question about the same item can be promoted
    const pending = await log(clerk, { itemCode: 'MZ-009', question: '周末能办吗' });
    expect((await post(clerk, '/api/faq', { ...body, consultationId: pending.id })).statusCode).toBe(409);
    expect((await post(clerk, '/api/faq', { ...body, itemCode: 'MZ-010', consultationId: pending.id })).statusCode).toBe(409);

    const b = faqEntryDetailSchema.parse((await post(director, '/api/faq', { itemCode: 'MZ-009', question: '周末可以办理结婚登记吗？', answer: '工作日办理，预约后周六上午也可办理。' })).json());
    const c = faqEntryDetailSchema.parse((await post(clerk2, '/api/faq', { itemCode: 'MZ-009', question: '需要拍照吗？', answer: '需要双方合影的 2 寸照片 3 张。' })).json());
    expect([b.position, c.position]).toEqual([2, 3]);

    // edit: a stale copy answers 409 and changes nothing
    const patch = (cookie: string, id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/faq/${id}`, headers: { cookie }, payload });
    expect((await patch(clerk, a.id, { answer: '旧版本', expectedVersion: 2 })).statusCode).toBe(409);
    const edited = await patch(clerk, a.id, { answer: '男女双方的居民身份证、户口簿原件，以及 3 张 2 寸双人合影。', expectedVersion: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, updatedByName: '王晓燕' });
    expect((await patch(clerk, a.id, { answer: '', expectedVersion: 2 })).statusCode).toBe(400);

    // move the third to the top
    const moved = await post(clerk, `/api/faq/${c.id}/move`, { to: 0, expectedVersion: 1 }, null);
    expect(moved.statusCode, moved.body).toBe(200);
    const list = async (cookie = clerk) => faqListSchema.parse((await get(cookie, '/api/faq?itemCode=MZ-009')).json());
    expect((await list()).entries.map((e) => [e.id, e.position])).toEqual([[c.id, 1], [a.id, 2], [b.id, 3]]);

    // retire b: it leaves the public FAQ but stays on record; restore puts it last
    const current = (await list()).entries.find((e) => e.id === b.id)!;
    const retired = await post(director, `/api/faq/${b.id}/retire`, { reason: '政策调整', expectedVersion: current.version }, null);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().status).toBe('retired');
    const pub = publicFaqSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/items/MZ-009/faq?orgId=${township}` })).json());
    expect(pub).toMatchObject({ itemName: '结婚登记', orgId: township, orgName: expect.stringContaining('柳河镇') });
    expect(pub.entries.map((e) => e.id)).toEqual([c.id, a.id]);
    expect(pub.entries[1]!.answer).toContain('双人合影');
    // a village room shows its township's FAQ; without a center, every center's
    expect(publicFaqSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/items/MZ-009/faq?orgId=${village}` })).json()).orgId).toBe(township);
    expect(publicFaqSchema.parse((await t.app.inject({ method: 'GET', url: '/api/public/items/MZ-009/faq' })).json()).entries).toHaveLength(2);
    expect(publicFaqSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/items/MZ-009/faq?orgId=${otherTownship}` })).json()).entries).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/items/NOPE-1/faq' })).statusCode).toBe(404);

    const restored = await post(clerk, `/api/faq/${b.id}/restore`, { expectedVersion: retired.json().version }, null);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ status: 'active', position: 3 });
    expect(restored.json().events.map((e: { action: string }) => e.action)).toEqual(['restore', 'retire', 'move', 'create']);
    expect((await list()).entries.map((e) => e.position)).toEqual([1, 2, 3]);

    // permissions: another center, the supervisor and the agent cannot edit; the supervisor reads
    const entry = (await list()).entries[0]!;
    expect((await patch(otherClerk, entry.id, { answer: '改', expectedVersion: entry.version })).statusCode).toBe(403);
    expect((await patch(supervisor, entry.id, { answer: '改', expectedVersion: entry.version })).statusCode).toBe(403);
    expect((await post(agent, '/api/faq', { itemCode: 'MZ-009', question: '问', answer: '答' })).statusCode).toBe(403);
    expect((await get(supervisor, `/api/faq?itemCode=MZ-009&orgId=${township}`)).json()).toMatchObject({ editable: false, total: 3 });
    expect((await list()).editable).toBe(true);
    // bad input changes nothing
    const faqs = await count('item_faqs');
    expect((await post(clerk, '/api/faq', { itemCode: 'MZ-009', question: '', answer: '答' })).statusCode).toBe(400);
    expect((await post(clerk, '/api/faq', { itemCode: 'NOPE-1', question: '问', answer: '答' })).statusCode).toBe(404);
    expect(await count('item_faqs')).toBe(faqs);
  });

  it('races answer a replay or 409, never 500: numbers taken at once, one consultation promoted twice at once', async () => {
    const asks = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        t.app.inject({ method: 'POST', url: '/api/public/consultations', headers: { 'idempotency-key': randomUUID() }, payload: { orgId: township, name: `群众${n}`, phone: `1391111000${n}`, question: `同时提问 ${n}` } }),
      ),
    );
    expect(asks.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(asks.map((r) => r.json().consultationNo)).size).toBe(5);

    const source = await log(clerk, { itemCode: 'MZ-010', question: '收养登记在哪办？', answer: '县民政局婚姻登记处。' });
    const body = { itemCode: 'MZ-010', question: '收养登记在哪里办理？', answer: '县民政局婚姻登记处。', consultationId: source.id };
    const before = await count('item_faqs');
    const both = await Promise.all([post(clerk, '/api/faq', body), post(clerk2, '/api/faq', body)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count('item_faqs')).toBe(before + 1);
  });
});
