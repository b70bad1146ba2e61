import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

type Org = { id: string; parentId: string | null; level: string; code: string; name: string; centerName: string; version: number };

describe.each(DIALECTS)('organisations, people and windows (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  let director: string;
  let orgs: Org[];
  const township = () => orgs.find((o) => o.name === '柳河镇')!;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signIn(t.app, 'admin');
    director = await signIn(t.app, 'director');
    orgs = (await t.app.inject({ url: '/api/orgs', headers: { cookie: admin } })).json().orgs;
  });
  afterAll(() => t.close());

  it('loads the demo region: one county, three townships, four villages each', () => {
    expect(orgs.filter((o) => o.level === 'county')).toHaveLength(1);
    const townships = orgs.filter((o) => o.level === 'township');
    expect(townships).toHaveLength(3);
    for (const tw of townships) expect(orgs.filter((o) => o.parentId === tw.id)).toHaveLength(4);
    expect(township().centerName).toBe('柳河镇便民服务中心');
  });

  it('limits what a director sees to their own center and villages', async () => {
    const own = (await t.app.inject({ url: '/api/orgs', headers: { cookie: director } })).json().orgs as Org[];
    expect(own).toHaveLength(5);
    expect(own.every((o) => o.id === township().id || o.parentId === township().id)).toBe(true);
  });

  it('adds a village under a township and refuses a level that skips one', async () => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/orgs', headers: { cookie: admin },
      payload: { parentId: township().id, level: 'village', code: '410899101299', name: '新建村' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ centerName: '新建村便民服务室', level: 'village', version: 1 });
    const wrong = await t.app.inject({
      method: 'POST', url: '/api/orgs', headers: { cookie: admin },
      payload: { parentId: township().id, level: 'township', code: '410899101298', name: '错层级' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('ORG_LEVEL_MISMATCH');
    const dup = await t.app.inject({
      method: 'POST', url: '/api/orgs', headers: { cookie: admin },
      payload: { parentId: township().id, level: 'village', code: '410899101299', name: '重复' },
    });
    expect(dup.statusCode).toBe(409);
    const byDirector = await t.app.inject({
      method: 'POST', url: '/api/orgs', headers: { cookie: director },
      payload: { parentId: township().id, level: 'village', code: '410899101297', name: '越权' },
    });
    expect(byDirector.statusCode).toBe(403);
    expect(byDirector.json().title).toContain('管理组织机构');
  });

  it('edits a center with its office hours and refuses a stale version without changing anything', async () => {
    const org = township();
    const ok = await t.app.inject({
      method: 'PATCH', url: `/api/orgs/${org.id}`, headers: { cookie: admin },
      payload: { expectedVersion: org.version, phone: '0371-1234567', officeHours: { sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }] } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '0371-1234567', version: org.version + 1 });
    const stale = await t.app.inject({
      method: 'PATCH', url: `/api/orgs/${org.id}`, headers: { cookie: admin },
      payload: { expectedVersion: org.version, phone: '000' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const bad = await t.app.inject({
      method: 'PATCH', url: `/api/orgs/${org.id}`, headers: { cookie: admin },
      payload: { expectedVersion: org.version + 1, officeHours: { sessions: [{ start: '17:00', end: '09:00' }] } },
    });
    expect(bad.statusCode).toBe(422);
    const after = (await t.app.inject({ url: '/api/orgs', headers: { cookie: admin } })).json().orgs.find((o: Org) => o.id === org.id);
    expect(after).toMatchObject({ phone: '0371-1234567', version: org.version + 1 });
  });

  it('creates a user who can sign in, and refuses weak passwords and mixed admin roles', async () => {
    const weak = await t.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'newclerk', name: '新职员', password: '123', roles: ['clerk'], orgId: township().id },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const mixed = await t.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'superman', name: '全能', password: 'Passw0rd!', roles: ['sysadmin', 'auditor'], orgId: township().id },
    });
    expect(mixed.json().code).toBe('ROLE_SEPARATION');
    const created = await t.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'newclerk', name: '新职员', password: 'Passw0rd!', roles: ['clerk'], orgId: township().id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('password_hash');
    const session = await signIn(t.app, 'newclerk', 'Passw0rd!');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json().user.orgName).toBe('柳河镇');

    // disabling the account ends its live sessions at once
    const disabled = await t.app.inject({
      method: 'PATCH', url: `/api/users/${created.json().id}`, headers: { cookie: admin },
      payload: { expectedVersion: 1, active: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
  });

  it('manages windows with AB posts held by two different people of the center', async () => {
    const windows = (await t.app.inject({ url: `/api/windows?orgId=${township().id}`, headers: { cookie: director } })).json().windows;
    expect(windows.length).toBeGreaterThanOrEqual(10);
    expect(windows[0].postA.name).toBe('王晓燕');
    expect(windows[0].postB.name).toBe('张磊');
    const users = (await t.app.inject({ url: `/api/users?orgId=${township().id}`, headers: { cookie: director } })).json().users;
    const clerk = users.find((u: { username: string }) => u.username === 'clerk');
    const same = await t.app.inject({
      method: 'POST', url: '/api/windows', headers: { cookie: director },
      payload: { orgId: township().id, name: '帮办代办窗口', postAUserId: clerk.id, postBUserId: clerk.id },
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('AB_POST_SAME_PERSON');
    const created = await t.app.inject({
      method: 'POST', url: '/api/windows', headers: { cookie: director },
      payload: { orgId: township().id, name: '帮办代办窗口', department: '党政综合办', postAUserId: clerk.id },
    });
    expect(created.statusCode).toBe(201);
    // a post holder must be able to handle cases: a 信访工作人员 or a 带班领导 could not take the window's cases
    const xinfang = users.find((u: { username: string }) => u.username === 'xinfang');
    const leader = users.find((u: { username: string }) => u.username === 'leader');
    const petitionB = await t.app.inject({
      method: 'POST', url: '/api/windows', headers: { cookie: director },
      payload: { orgId: township().id, name: '信访代办窗口', postAUserId: clerk.id, postBUserId: xinfang.id },
    });
    expect(petitionB.statusCode).toBe(422);
    expect(petitionB.json()).toMatchObject({ code: 'POST_USER_CANNOT_HANDLE', title: expect.stringContaining('高秀英（信访工作人员）没有办理办件的权限，不能担任B岗') });
    const leaderA = await t.app.inject({
      method: 'PATCH', url: `/api/windows/${created.json().id}`, headers: { cookie: director },
      payload: { expectedVersion: created.json().version, postAUserId: leader.id },
    });
    expect(leaderA.statusCode).toBe(422);
    expect(leaderA.json()).toMatchObject({ code: 'POST_USER_CANNOT_HANDLE', title: expect.stringContaining('马振华（带班领导）没有办理办件的权限，不能担任A岗') });
    const unchanged = (await t.app.inject({ url: `/api/windows?orgId=${township().id}`, headers: { cookie: director } })).json().windows.find((w: { id: string }) => w.id === created.json().id);
    expect(unchanged.postA.userId).toBe(clerk.id);
    const county = orgs.find((o) => o.level === 'county')!;
    const outside = await t.app.inject({
      method: 'POST', url: '/api/windows', headers: { cookie: director },
      payload: { orgId: county.id, name: '越权窗口' },
    });
    expect(outside.statusCode).toBe(403);
  });

  it('renames the levels for a deployment (旗/苏木/嘎查) and only an administrator may', async () => {
    const names = { county: '旗', township: '苏木', village: '嘎查' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: director }, payload: names })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: admin }, payload: names });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/settings/level-names' })).json()).toEqual(names);
  });
});
