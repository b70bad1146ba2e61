// Console gaps of issue 10: the 承办人 list for 受理 (GET /api/complaints/handlers) and the petition counting read by
// the system administrator who sets it (GET /api/petitions/settings, GET /api/evaluations/settings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintHandlersSchema } from '../../src/domain/complaints/handlers-contract.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('issue 10 settings in the console (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let admin: string;
  let supervisor: string;
  let xinfang: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    [clerk, admin, supervisor, xinfang] = (await Promise.all(['clerk', 'admin', 'supervisor', 'xinfang'].map((u) => signIn(t.app, u)))) as [string, string, string, string];
  });
  afterAll(() => t.close());

  it('lists the acting person’s center staff who may handle complaints, active only', async () => {
    const db = t.database.db;
    const clerkRow = await db.selectFrom('users').selectAll().where('username', '=', 'clerk').executeTakeFirstOrThrow();
    const res = await t.app.inject({ url: '/api/complaints/handlers', headers: { cookie: clerk } });
    expect(res.statusCode, res.body).toBe(200);
    const body = complaintHandlersSchema.parse(res.json());
    const staff = await db.selectFrom('users').selectAll().where('org_id', '=', clerkRow.org_id).execute();
    const ids = new Set(body.handlers.map((h) => h.id));
    expect(ids.has(clerkRow.id)).toBe(true);
    for (const u of staff) {
      const roles = JSON.parse(String(u.roles)) as string[];
      const eligible = Boolean(Number(u.active)) && roles.some((r) => ['director', 'leader', 'clerk'].includes(r));
      expect(ids.has(u.id), u.username).toBe(eligible);
    }
    for (const h of body.handlers) expect(staff.some((u) => u.id === h.id)).toBe(true);
  });

  it('refuses the handler list to those who do not handle complaints', async () => {
    for (const cookie of [supervisor, admin]) {
      const res = await t.app.inject({ url: '/api/complaints/handlers', headers: { cookie } });
      expect(res.statusCode, res.body).toBe(403);
    }
  });

  it('lets the system administrator read the petition counting he sets; a clerk still may not', async () => {
    const read = await t.app.inject({ url: '/api/petitions/settings', headers: { cookie: admin } });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ dayCount: 'calendar' });
    expect((await t.app.inject({ url: '/api/petitions/settings', headers: { cookie: xinfang } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/petitions/settings', headers: { cookie: clerk } })).statusCode).toBe(403);
  });

  it('lets the system administrator read the rating days he sets (邀请/默认评价, 整改工单); an agent still may not', async () => {
    const rating = await t.app.inject({ url: '/api/evaluations/settings', headers: { cookie: admin } });
    expect(rating.statusCode, rating.body).toBe(200);
    expect(rating.json()).toMatchObject({ inviteDays: expect.any(Number), defaultDays: expect.any(Number) });
    const days = await t.app.inject({ url: '/api/evaluations/work-orders/settings', headers: { cookie: admin } });
    expect(days.statusCode, days.body).toBe(200);
    expect(days.json()).toEqual({ visitDays: 1, fixDays: 15 });
    const agent = await signIn(t.app, 'agent');
    expect((await t.app.inject({ url: '/api/evaluations/settings', headers: { cookie: agent } })).statusCode).toBe(403);
  });
});
