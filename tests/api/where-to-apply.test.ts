// Issue 7 §5 follow-up: an agent who looks up an item the village cannot take is told so before anything is typed in,
// with the center, window, address, office hours and phone the villager must go to — the same place a refused
// registration names, from data (org tree, windows, offerings, level names).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venueText, type Venue } from '../../src/domain/agents/venue.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

interface Answer {
  itemCode: string;
  itemName: string;
  offeredHere: boolean;
  inPerson: boolean;
  venue: (Venue & { hoursText: string | null }) | null;
  text: string | null;
}

const TOWNSHIP = { centerName: '柳河镇便民服务中心', address: '清河县柳河镇政府院内', phone: '0371-6688 2101', hoursText: '08:30–12:00、14:30–17:30' };

describe.each(DIALECTS)('where to apply for what the village cannot take (%s)', (dialect) => {
  let t: TestApp;
  let agent: string;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-04-07T09:00:00+08:00');
    [agent, clerk] = await Promise.all([signIn(t.app, 'agent'), signIn(t.app, 'clerk')]);
  });
  afterAll(() => t.close());

  const ask = (itemCode: string, cookie = agent) =>
    t.app.inject({ url: `/api/agents/where-to-apply?itemCode=${encodeURIComponent(itemCode)}`, headers: { cookie } });
  const answer = async (itemCode: string, cookie = agent) => {
    const res = await ask(itemCode, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };

  it('居民身份证: the township’s 户籍窗口, its address, hours and phone; the applicant must go in person', async () => {
    const a = await answer('GA-003');
    expect(a).toMatchObject({ itemCode: 'GA-003', itemName: '居民身份证申领、换领', offeredHere: false, inPerson: true });
    expect(a.venue).toMatchObject({ level: 'township', window: '户籍窗口', ...TOWNSHIP });
    expect(a.text).toBe(`本村不能办理“居民身份证申领、换领”。请申请人本人到${venueText(a.venue!)}办理。`);
  });

  it('结婚登记 only at the county; 失业登记 at the township’s 劳动保障窗口, no proxy', async () => {
    const marriage = await answer('MZ-009');
    expect(marriage.venue).toMatchObject({ level: 'county', centerName: '清河县政务服务中心', window: '婚姻收养登记窗口', address: '清河县人民路 88 号' });
    expect(marriage.text).toMatch(/^本村不能办理“结婚登记”。请申请人本人到清河县政务服务中心婚姻收养登记窗口/);
    const jobless = await answer('RS-003');
    expect(jobless).toMatchObject({ offeredHere: false, inPerson: true, venue: { level: 'township', window: '劳动保障窗口', ...TOWNSHIP } });
  });

  it('names the same place as the refusal of a registration attempt', async () => {
    const a = await answer('GA-003');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: agent, 'idempotency-key': randomUUID() },
      payload: {
        channel: 'agent',
        itemCode: 'GA-003',
        applicant: { name: '李桂芝', idNumber: '11010519491231002X', phone: '13512345678' },
        materials: [{ name: '居民户口簿', provided: true }],
        proxy: { authorized: true },
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().title).toContain(venueText(a.venue!));
  });

  it('an item the village offers: no venue, nothing to send anyone elsewhere', async () => {
    for (const code of ['MZ-003', 'RS-002']) {
      expect(await answer(code)).toMatchObject({ itemCode: code, offeredHere: true, venue: null, text: null });
    }
  });

  it('answers from the asking center: the township takes 身份证 itself and sends 结婚登记 to the county', async () => {
    expect(await answer('GA-003', clerk)).toMatchObject({ offeredHere: true, venue: null });
    const marriage = await answer('MZ-009', clerk);
    expect(marriage.text).toMatch(/^本乡镇不能办理“结婚登记”。/);
    expect(marriage.venue).toMatchObject({ level: 'county', window: '婚姻收养登记窗口' });
  });

  it('refuses an unknown code, a missing code, no session, and a role that registers nothing', async () => {
    const unknown = await ask('XX-999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'ITEM_NOT_FOUND' });
    expect(unknown.json().title).toContain('XX-999');
    const missing = await t.app.inject({ url: '/api/agents/where-to-apply', headers: { cookie: agent } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().title).toMatch(/事项编码/);
    expect((await t.app.inject({ url: '/api/agents/where-to-apply?itemCode=GA-003' })).statusCode).toBe(401);
    expect((await ask('GA-003', await signIn(t.app, 'supervisor'))).statusCode).toBe(403);
  });

  it('speaks the deployment’s own level names (嘎查)', async () => {
    const admin = await signIn(t.app, 'admin');
    const renamed = await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: admin }, payload: { county: '旗', township: '苏木', village: '嘎查' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await answer('MZ-009')).text).toMatch(/^本嘎查不能办理“结婚登记”。/);
  });
});
