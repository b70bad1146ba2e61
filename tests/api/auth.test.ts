import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('sign-in and sessions (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('reports the database in use without a session', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: dialect });
  });

  it('signs in a demo account, sets an httpOnly SameSite cookie and knows who is signed in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'bianmin2026' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ name: '王晓燕', roles: ['clerk'] });
    const cookie = res.cookies.find((c) => c.name === 'bm_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'clerk', orgName: '柳河镇', orgLevel: 'township' });
    expect(me.json().levelNames).toEqual({ county: '县', township: '乡镇', village: '村' });
  });

  it('refuses wrong credentials with 401 in Chinese and an unknown user the same way', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'director', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(wrong.json().title).toContain('用户名或密码不正确');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a request without a session with 401', async () => {
    const res = await t.app.inject({ url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('validates the login body in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().title).toContain('请输入用户名');
  });

  it('locks an account after five wrong passwords, even for the right one, until it is unlocked', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'wrong' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().title).toContain(`再输错 ${5 - i} 次`);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'wrong' } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'bianmin2026' } });
    expect(right.statusCode).toBe(423);

    // unlocking is the security administrator's duty (三员分立, src/domain/roles.ts)
    const admin = await signIn(t.app, 'secadmin');
    const users = (await t.app.inject({ url: '/api/users', headers: { cookie: admin } })).json().users as { id: string; username: string; lockedUntil: string | null }[];
    const supervisor = users.find((u) => u.username === 'supervisor')!;
    expect(supervisor.lockedUntil).not.toBeNull();
    const unlock = await t.app.inject({ method: 'POST', url: `/api/users/${supervisor.id}/unlock`, headers: { cookie: admin } });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'bianmin2026' } })).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const idle = await signIn(t.app, 'county');
    t.clock.advanceMinutes(29);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: idle } })).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await t.app.inject({ url: '/api/auth/me', headers: { cookie: idle } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');

    const busy = await signIn(t.app, 'county');
    for (let i = 0; i < 12 * 3; i++) {
      t.clock.advanceMinutes(20); // active every 20 minutes: never idle, but 12 hours pass
      const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: busy } });
      if (res.statusCode === 401) {
        expect(i).toBeGreaterThanOrEqual(35); // 36 × 20 min = 12 h
        return;
      }
    }
    expect.unreachable('the session outlived its absolute timeout');
  });

  it('logout ends the session on the server', async () => {
    const cookie = await signIn(t.app, 'agent');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('serves the OpenAPI description', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/items', '/api/calendar/add-working-days']));
  });
});
