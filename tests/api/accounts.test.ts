import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { cookieOf, DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

// Addresses below are documentation ranges (RFC 5737), only ever strings handed to app.inject: no traffic.
const login = (app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, remoteAddress });

const statuses = (responses: { statusCode: number }[]) => {
  const count: Record<number, number> = {};
  for (const r of responses) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
  return count;
};

interface User {
  id: string;
  username: string;
  version: number;
  roles: string[];
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

describe.each(DIALECTS)('accounts: addresses, lock-outs, 三员分立 and passwords (%s)', (dialect) => {
  let t: TestApp;
  let secadmin: string;
  let sysadmin: string;
  const users = async (): Promise<User[]> => (await t.app.inject({ url: '/api/users', headers: { cookie: secadmin } })).json().users;
  const userNamed = async (username: string) => (await users()).find((u) => u.username === username)!;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    secadmin = await signIn(t.app, 'secadmin');
    sysadmin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  describe('X-Forwarded-For is believed only from TRUST_PROXY', () => {
    it('by default: 40 wrong logins, each forging another address, still hit the per-address limit', async () => {
      const responses = [];
      for (let i = 0; i < 40; i++) {
        responses.push(await login(t.app, `guess${i}`, 'wrong', { 'x-forwarded-for': `198.51.100.${i + 1}` }, '192.0.2.10'));
      }
      expect(statuses(responses)).toEqual({ 401: 30, 429: 10 });
      expect(responses.at(-1)!.json().code).toBe('RATE_LIMITED');
    });

    it('by default: a flood of progress guesses with forged addresses is rate-limited too', async () => {
      const responses = [];
      for (let i = 0; i < 30; i++) {
        responses.push(
          await t.app.inject({
            url: `/api/public/progress?caseNo=QH-20261206-${String(i).padStart(4, '0')}&phone4=${String(1000 + i)}`,
            headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
            remoteAddress: '192.0.2.11',
          }),
        );
      }
      // PROGRESS_PER_MINUTE (20) per address: the forged addresses do not reset it
      expect(statuses(responses)[429]).toBe(10);
    });

    it('behind a listed proxy: each forwarded client counts on its own; others still cannot forge', async () => {
      const config = { ...loadConfig({ TRUST_PROXY: '192.0.2.1' }), rateLimitWindowMs: 3_600_000, demo: true };
      const proxied = await buildApp({ database: t.database, config, clock: () => t.clock.now });
      try {
        const viaProxy = [];
        for (let i = 0; i < 35; i++) {
          viaProxy.push(await login(proxied, `proxied${i}`, 'wrong', { 'x-forwarded-for': `198.51.100.${i + 1}` }, '192.0.2.1'));
        }
        expect(statuses(viaProxy)).toEqual({ 401: 35 });
        const forged = [];
        for (let i = 0; i < 35; i++) {
          forged.push(await login(proxied, `forged${i}`, 'wrong', { 'x-forwarded-for': `198.51.100.${i + 1}` }, '192.0.2.99'));
        }
        expect(statuses(forged)).toEqual({ 401: 30, 429: 5 });
      } finally {
        await proxied.close();
      }
    });

    it('refuses a TRUST_PROXY that is not an address, a network or a range name', () => {
      expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8, nginx' })).toThrow(/TRUST_PROXY/);
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1 ,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback']);
      expect(loadConfig({}).trustProxy).toEqual([]);
    });
  });

  describe('the lock-out', () => {
    it('20 wrong passwords at once: exactly five are checked, then the right one is refused while locked', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(t.app, 'county', `wrong-${i}`, {}, `192.0.2.${100 + i}`)),
      );
      expect(statuses(responses)).toEqual({ 401: 4, 423: 16 });
      // every refusal is audited with its reason: five passwords were tried, fifteen never looked at
      const auditor = await signIn(t.app, 'auditor');
      const failed = (await t.app.inject({ url: '/api/audit?action=auth.failed&pageSize=200', headers: { cookie: auditor } })).json().entries as {
        detail: { username: string; reason: string };
      }[];
      const ofCounty = failed.filter((e) => e.detail.username === 'county');
      expect(ofCounty.filter((e) => e.detail.reason === 'password')).toHaveLength(5);
      expect(ofCounty.filter((e) => e.detail.reason === 'locked')).toHaveLength(15);

      const right = await login(t.app, 'county', 'bianmin2026', {}, '192.0.2.130');
      expect(right.statusCode).toBe(423);
      expect(right.json().code).toBe('ACCOUNT_LOCKED');
      expect((await userNamed('county')).lockedUntil).not.toBeNull();

      // the lock runs out by itself; then the right password works and the count starts again
      t.clock.advanceMinutes(16);
      expect((await login(t.app, 'county', 'bianmin2026', {}, '192.0.2.130')).statusCode).toBe(200);
      const again = await login(t.app, 'county', 'wrong', {}, '192.0.2.130');
      expect(again.json().title).toContain('再输错 4 次');
    });

    it('answers and locks an unknown username exactly like a real one', async () => {
      const answers = async (username: string, address: string) => {
        const out = [];
        for (let i = 0; i < 6; i++) {
          const res = await login(t.app, username, 'Wrong-Password-1', {}, address);
          out.push({ status: res.statusCode, code: res.json().code, title: res.json().title.replace(/请于 \d\d:\d\d/, '请于 HH:MM') });
        }
        return out;
      };
      const real = await answers('clerk2', '192.0.2.140');
      const unknown = await answers('no-such-person', '192.0.2.141');
      expect(unknown).toEqual(real);
      expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
      expect(real[0]!.title).toBe('用户名或密码不正确。再输错 4 次，账号将被锁定 15 分钟。');
      const unlocked = await t.app.inject({ method: 'POST', url: `/api/users/${(await userNamed('clerk2')).id}/unlock`, headers: { cookie: secadmin } });
      expect(unlocked.statusCode).toBe(200);
      expect(unlocked.json().lockedUntil).toBeNull();
      expect((await login(t.app, 'clerk2', 'bianmin2026', {}, '192.0.2.140')).statusCode).toBe(200);
    });
  });

  describe('三员分立', () => {
    it('nobody among the three changes another one’s account: password, unlock, roles, details', async () => {
      const auditor = await userNamed('auditor');
      const admin = await userNamed('admin');
      const sec = await userNamed('secadmin');
      const attempts = [
        { cookie: sysadmin, method: 'POST' as const, url: `/api/users/${auditor.id}/reset-password`, payload: { password: 'Takeover-2026!' } },
        { cookie: secadmin, method: 'POST' as const, url: `/api/users/${admin.id}/reset-password`, payload: { password: 'Takeover-2026!' } },
        { cookie: secadmin, method: 'POST' as const, url: `/api/users/${auditor.id}/unlock` },
        { cookie: secadmin, method: 'PATCH' as const, url: `/api/users/${admin.id}`, payload: { expectedVersion: admin.version, roles: ['clerk'] } },
        { cookie: sysadmin, method: 'PATCH' as const, url: `/api/users/${sec.id}`, payload: { expectedVersion: sec.version, active: false } },
        { cookie: sysadmin, method: 'PATCH' as const, url: `/api/users/${auditor.id}`, payload: { expectedVersion: auditor.version, name: '别人' } },
      ];
      for (const a of attempts) {
        const res = await t.app.inject({ method: a.method, url: a.url, headers: { cookie: a.cookie }, ...(a.payload && { payload: a.payload }) });
        expect(res.statusCode, a.url).toBe(403);
        expect(res.json().code).toBe('SEPARATION_OF_DUTIES');
        expect(res.json().title).toContain('三员分立');
      }
      // the auditor still signs in with their own password, and nothing changed
      expect((await login(t.app, 'auditor', 'bianmin2026', {}, '192.0.2.150')).statusCode).toBe(200);
      expect((await userNamed('admin')).roles).toEqual(['sysadmin']);
    });

    it('nobody gets two of the roles, and the console grants none of them', async () => {
      const clerk = await userNamed('clerk');
      const orgId = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: sysadmin } })).json().user.orgId;
      const two = await t.app.inject({
        method: 'POST', url: '/api/users', headers: { cookie: sysadmin },
        payload: { username: 'twohats', name: '两顶帽子', password: 'Passw0rd!x', roles: ['secadmin', 'auditor'], orgId },
      });
      expect(two.json().code).toBe('ROLE_SEPARATION');
      const one = await t.app.inject({
        method: 'POST', url: '/api/users', headers: { cookie: sysadmin },
        payload: { username: 'onehat', name: '一顶帽子', password: 'Passw0rd!x', roles: ['auditor'], orgId },
      });
      expect(one.statusCode).toBe(403);
      expect(one.json().title).toContain('create-admin');
      const grant = await t.app.inject({
        method: 'PATCH', url: `/api/users/${clerk.id}`, headers: { cookie: secadmin },
        payload: { expectedVersion: clerk.version, roles: ['clerk', 'auditor'] },
      });
      expect(grant.statusCode).toBe(403);
      expect(grant.json().code).toBe('SEPARATION_OF_DUTIES');
      expect((await userNamed('clerk')).roles).toEqual(['clerk']);
    });

    it('ordinary accounts: the system administrator creates and edits, the security administrator resets, unlocks and sets roles', async () => {
      const orgId = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: sysadmin } })).json().user.orgId;
      const bySec = await t.app.inject({
        method: 'POST', url: '/api/users', headers: { cookie: secadmin },
        payload: { username: 'bysec', name: '新人', password: 'Passw0rd!x', roles: ['clerk'], orgId },
      });
      expect(bySec.statusCode).toBe(403);
      const created = await t.app.inject({
        method: 'POST', url: '/api/users', headers: { cookie: sysadmin },
        payload: { username: 'newhand', name: '新人', password: 'Passw0rd!x', roles: ['clerk'], orgId },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const resetBySys = await t.app.inject({ method: 'POST', url: `/api/users/${id}/reset-password`, headers: { cookie: sysadmin }, payload: { password: 'Another-Pass1' } });
      expect(resetBySys.statusCode).toBe(403);
      const rolesBySys = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: sysadmin }, payload: { expectedVersion: 1, roles: ['director'] } });
      expect(rolesBySys.statusCode).toBe(403);
      const rolesBySec = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: secadmin }, payload: { expectedVersion: 1, roles: ['leader'] } });
      expect(rolesBySec.statusCode).toBe(200);
      const reset = await t.app.inject({ method: 'POST', url: `/api/users/${id}/reset-password`, headers: { cookie: secadmin }, payload: { password: 'Another-Pass1' } });
      expect(reset.statusCode).toBe(200);
      expect(reset.json().mustChangePassword).toBe(true);
    });
  });

  describe('passwords', () => {
    it('an account an administrator created must set its own password before anything else', async () => {
      const orgId = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: sysadmin } })).json().user.orgId;
      const created = await t.app.inject({
        method: 'POST', url: '/api/users', headers: { cookie: sysadmin },
        payload: { username: 'firstday', name: '第一天', password: 'Given-By-Admin1', roles: ['clerk'], orgId },
      });
      expect(created.json().mustChangePassword).toBe(true);
      const signedIn = await login(t.app, 'firstday', 'Given-By-Admin1', {}, '192.0.2.160');
      expect(signedIn.json().user.mustChangePassword).toBe(true);
      const cookie = cookieOf(signedIn);
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.mustChangePassword).toBe(true);
      const work = await t.app.inject({ url: '/api/cases', headers: { cookie } });
      expect(work.statusCode).toBe(403);
      expect(work.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

      const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload, remoteAddress: '192.0.2.160' });
      const weak = await change({ currentPassword: 'Given-By-Admin1', newPassword: 'abcdefgh1' });
      expect(weak.statusCode).toBe(422);
      expect(weak.json().code).toBe('WEAK_PASSWORD');
      expect(weak.json().title).toContain('至少三类');
      expect((await change({ currentPassword: 'Given-By-Admin1', newPassword: 'Firstday-2026!' })).json().title).toContain('用户名');
      const wrong = await change({ currentPassword: 'not-it', newPassword: 'Mine-Only-2026' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().code).toBe('WRONG_CURRENT_PASSWORD');
      expect(wrong.json().title).toContain('再输错 4 次');
      expect((await change({ currentPassword: 'Given-By-Admin1', newPassword: 'Mine-Only-2026' })).statusCode).toBe(204);

      expect((await t.app.inject({ url: '/api/cases', headers: { cookie } })).statusCode).not.toBe(403);
      expect((await login(t.app, 'firstday', 'Given-By-Admin1', {}, '192.0.2.160')).statusCode).toBe(401);
      const again = await login(t.app, 'firstday', 'Mine-Only-2026', {}, '192.0.2.160');
      expect(again.json().user.mustChangePassword).toBe(false);
    });

    it('every user changes their own; other sessions of theirs end, this one stays', async () => {
      const other = await signIn(t.app, 'director');
      const res = await login(t.app, 'director', 'bianmin2026', {}, '192.0.2.170');
      const cookie = cookieOf(res);
      const changed = await t.app.inject({
        method: 'POST', url: '/api/auth/password', headers: { cookie },
        payload: { currentPassword: 'bianmin2026', newPassword: 'Spring-Field-88' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
      expect((await login(t.app, 'director', 'Spring-Field-88', {}, '192.0.2.170')).statusCode).toBe(200);
    });

    it('demo accounts are not forced to change (the demo stays usable with its published password)', async () => {
      const res = await login(t.app, 'agent', 'bianmin2026', {}, '192.0.2.180');
      expect(res.json().user.mustChangePassword).toBe(false);
      expect((await t.app.inject({ url: '/api/cases', headers: { cookie: cookieOf(res) } })).statusCode).toBe(200);
    });
  });
});

describe.each(DIALECTS)('the ASVS password policy (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('asks for 12 characters without composition rules and refuses common passwords', async () => {
    const config = { ...loadConfig({ PASSWORD_POLICY: 'asvs' }), demo: true };
    const app = await buildApp({ database: t.database, config, clock: () => t.clock.now });
    try {
      const cookie = await signIn(app, 'clerk');
      const change = (newPassword: string) =>
        app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'bianmin2026', newPassword } });
      expect((await change('Sh0rt-Pass!')).json().title).toContain('至少 12 位');
      expect((await change('password1234')).json().title).toContain('常用密码');
      expect((await change('qwertyuiop!!')).json().title).toContain('常用密码');
      expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).json().passwordPolicy).toBe('asvs');
      expect((await change('willow river at dusk')).statusCode).toBe(204);
    } finally {
      await app.close();
    }
  });

  it('outside demo mode nobody may take the published demo password, in any dress', async () => {
    const config = { ...loadConfig({}), demo: false };
    const app = await buildApp({ database: t.database, config, clock: () => t.clock.now });
    try {
      const cookie = await signIn(app, 'clerk2');
      const res = await app.inject({
        method: 'POST', url: '/api/auth/password', headers: { cookie },
        payload: { currentPassword: 'bianmin2026', newPassword: 'Bianmin2026!' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().title).toContain('演示密码');
    } finally {
      await app.close();
    }
  });

  it('refuses an unknown PASSWORD_POLICY at start', () => {
    expect(() => loadConfig({ PASSWORD_POLICY: 'strong' })).toThrow(/PASSWORD_POLICY/);
  });
});
