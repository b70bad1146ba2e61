import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sweepLights } from '../../src/modules/cases/sweep-lights.js';
import { loadConfig } from '../../src/server/config.js';
import { jobLockKey, lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

// Issue 7 section 7: stored lights and their sweep (rule 12), completedAt, outstandingMaterials, the director's
// objection as a window task, and presence (AB岗).

const ID = '11010519491231002X';
const applicant = { name: '王大山', idNumber: ID, phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };
const SUPPLEMENT_MATERIAL = '困难情况证明材料（医疗票据、事故认定书等）';

describe.each(DIALECTS)('stored lights, the sweep and the loose ends of section 7 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let clerk2: string;
  let director: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Monday 2026-03-02 09:00 in Shanghai: office hours 08:30–12:00, 14:30–17:30 (demo centers).
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    clerk2 = await signIn(t.app, 'clerk2');
    director = await signIn(t.app, 'director');
    for (const [name, cookie] of [['clerk', clerk], ['clerk2', clerk2], ['director', director]] as const) {
      ids[name] = (await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user.id;
    }
  });
  afterAll(() => t.close());

  /**
   * Moves the server's clock. Sessions idle longer than 30 minutes end, so after a longer jump the people the
   * test needs sign in again (only those: sign-ins are rate-limited per address).
   */
  const setClock = async (local: string, who: ('clerk' | 'clerk2' | 'director')[] = ['clerk']) => {
    const before = t.clock.now.getTime();
    t.clock.now = new Date(`${local}+08:00`);
    if (Math.abs(t.clock.now.getTime() - before) < 25 * 60_000) return;
    if (who.includes('clerk')) clerk = await signIn(t.app, 'clerk');
    if (who.includes('clerk2')) clerk2 = await signIn(t.app, 'clerk2');
    if (who.includes('director')) director = await signIn(t.app, 'director');
  };
  const register = (body: Record<string, unknown>, cookie = clerk) =>
    t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...body } });
  const act = (id: string, action: string, body: Record<string, unknown>, cookie = clerk) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions/${action}`, headers: { cookie }, payload: body });
  const get = (url: string, cookie = clerk) => t.app.inject({ url, headers: { cookie } });
  const stored = (id: string) =>
    t.database.db.selectFrom('cases').select(['light', 'light_changes_at', 'completed_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const sweep = () => sweepLights(t.database.db, t.clock.now);
  const idsOf = (res: { json(): { cases: { id: string }[] } }) => res.json().cases.map((c) => c.id);

  it('stores the light with the case at intake: an 即办件 is green, due to turn yellow 30 minutes later', async () => {
    const c = (await register(IMMEDIATE)).json();
    expect(c.light).toBe('green');
    expect(await stored(c.id)).toMatchObject({ light: 'green', light_changes_at: '2026-03-02T01:30:00.000Z' });
    // a promised case of 10 working days: green, turns yellow when one working day is left
    const promised = (await register({ itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', SUPPLEMENT_MATERIAL]) })).json();
    expect(promised).toMatchObject({ kind: 'promised', light: 'green', dueAt: '2026-03-16T09:30:00.000Z' });
    // yellow from 20 % of its time left: 360 min of 03-02 + 10 × 390 = 4260 min, 852 min = 2 days + 72 min
    expect((await stored(promised.id)).light_changes_at).toBe('2026-03-12T08:18:00.000Z'); // 03-12 16:18
    // a case waiting for supplements before acceptance has no clock, no light, nothing for the sweep
    const waiting = (await register({ itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证', '居民户口簿']), { name: SUPPLEMENT_MATERIAL, provided: false }] })).json();
    expect(await stored(waiting.id)).toMatchObject({ light: null, light_changes_at: null });
  });

  it('the sweep moves the stored light with the injected clock, touches only cases that are due, and is idempotent', async () => {
    await setClock('2026-03-02T09:00:00');
    const c = (await register(IMMEDIATE)).json();
    await setClock('2026-03-02T09:29:00');
    expect((await sweep()).changed).toBe(0);
    expect((await get(`/api/cases/${c.id}`)).json().light).toBe('green');

    await setClock('2026-03-02T09:31:00');
    const first = await sweep();
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect((await get(`/api/cases/${c.id}`)).json().light).toBe('yellow');
    expect(await stored(c.id)).toMatchObject({ light: 'yellow', light_changes_at: '2026-03-02T09:30:00.001Z' });
    expect(await sweep()).toEqual({ checked: 0, changed: 0 }); // nothing due any more at the same now

    await setClock('2026-03-02T17:31:00');
    await sweep();
    expect(await stored(c.id)).toMatchObject({ light: 'red', light_changes_at: null });
    expect((await get(`/api/cases/${c.id}`)).json().light).toBe('red');
    // the job runs the same sweep (once across processes on PostgreSQL)
    expect(await runJobOnce({ database: t.database, config: loadConfig({}), clock: () => t.clock.now }, lightSweepJob)).toBe(true);
  });

  it('?light=red filters on the stored light in SQL, and the light counts agree with the filtered totals', async () => {
    await setClock('2026-03-03T09:00:00');
    const c = (await register(IMMEDIATE)).json();
    expect(idsOf(await get('/api/cases?light=green&pageSize=100'))).toContain(c.id);
    expect(idsOf(await get('/api/cases?light=red&pageSize=100'))).not.toContain(c.id);
    // The list answers from the stored column alone: set it behind the rules' back and the filter follows.
    await t.database.db.updateTable('cases').set({ light: 'red', light_changes_at: null }).where('id', '=', c.id).execute();
    const red = await get('/api/cases?light=red&pageSize=100');
    expect(idsOf(red)).toContain(c.id);
    expect(red.json().cases.every((x: { light: string }) => x.light === 'red')).toBe(true);

    const counts = (await get('/api/cases/lights?view=held')).json();
    for (const light of ['green', 'yellow', 'red'] as const) {
      expect(counts.counts[light]).toBe((await get(`/api/cases?view=held&light=${light}&pageSize=1`)).json().total);
    }
    expect(counts.total).toBe(counts.counts.green + counts.counts.yellow + counts.counts.red);
    expect(counts.counts.red).toBeGreaterThanOrEqual(2);
    expect((await get('/api/cases?light=purple')).statusCode).toBe(400);
  });

  it('records completedAt when a case is completed, in the case and in the ledger', async () => {
    await setClock('2026-03-04T10:00:00');
    const c = (await register(IMMEDIATE)).json();
    expect(c.completedAt).toBeNull();
    await setClock('2026-03-04T10:12:00');
    const done = (await act(c.id, 'complete', { expectedVersion: 1, outcome: 'approved', resultNo: '优待证 2026-088' })).json();
    expect(done).toMatchObject({ status: 'completed', completedAt: '2026-03-04T02:12:00.000Z', light: null });
    expect(await stored(c.id)).toMatchObject({ light: null, light_changes_at: null, completed_at: '2026-03-04T02:12:00.000Z' });
    await setClock('2026-03-04T11:00:00');
    const delivered = (await act(c.id, 'deliver', { expectedVersion: 2, method: 'window' })).json();
    expect(delivered.completedAt).toBe('2026-03-04T02:12:00.000Z'); // handing over does not move it
    const row = (await get(`/api/cases?q=${c.caseNo}`)).json().cases[0];
    expect(row.completedAt).toBe('2026-03-04T02:12:00.000Z');
  });

  it('outstandingMaterials: what is still missing after partial supplements and a later defect request, until complete', async () => {
    await setClock('2026-03-05T09:00:00');
    const c = (await register({ itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证']), { name: '居民户口簿', provided: false }, { name: SUPPLEMENT_MATERIAL, provided: false }] })).json();
    expect(c.outstandingMaterials).toEqual(['居民户口簿', SUPPLEMENT_MATERIAL]);
    const partial = (await act(c.id, 'supplement', { expectedVersion: 1, materials: ['居民户口簿'] })).json();
    expect(partial).toMatchObject({ status: 'awaiting_supplement', outstandingMaterials: [SUPPLEMENT_MATERIAL] });
    // after the one-time notice, a defect in a material on file (rule 1's exception): it is asked for again
    const defect = await act(c.id, 'notify-supplement', { expectedVersion: 2, missing: ['居民身份证'], defectNote: '身份证复印件模糊不清，请重新提供' });
    expect(defect.statusCode).toBe(200);
    expect(defect.json().outstandingMaterials).toEqual([SUPPLEMENT_MATERIAL, '居民身份证']);
    expect(defect.json().defectRequests).toHaveLength(1);
    // the supplement the console offers — exactly the outstanding ones — is accepted, and completes the case
    const again = (await act(c.id, 'supplement', { expectedVersion: 3, materials: defect.json().outstandingMaterials })).json();
    expect(again).toMatchObject({ status: 'in_progress', outstandingMaterials: [], light: 'green' });
  });

  it('the director\'s objection to a refusal is a task in the window\'s work list, answered and closed there', async () => {
    await setClock('2026-03-06T09:00:00', ['clerk', 'director']);
    const returned = (
      await register({ itemCode: 'MZ-001', materials: [{ name: '临时救助申请书', provided: false }, ...all(['居民身份证', '居民户口簿', SUPPLEMENT_MATERIAL])], refusal: { reasons: '缺少临时救助申请书', basis: '《社会救助暂行办法》' } })
    ).json();
    const objections = (cookie: string) => get('/api/cases?view=objections&pageSize=100', cookie);
    expect(idsOf(await objections(clerk))).not.toContain(returned.id);
    const reviewed = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${returned.id}/refusal-review`,
      headers: { cookie: director },
      payload: { expectedVersion: 1, opinion: 'questioned', comment: '申请书可当场指导填写，不应退回' },
    });
    expect(reviewed.json().refusalObjection).toMatchObject({ comment: '申请书可当场指导填写，不应退回', answer: null });
    expect(idsOf(await objections(clerk))).toContain(returned.id);
    expect(idsOf(await objections(director))).toContain(returned.id);

    const answer = (body: Record<string, unknown>, cookie = clerk) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${returned.id}/refusal-review/answer`, headers: { cookie }, payload: body });
    expect((await answer({ expectedVersion: 2, answer: '  ' })).statusCode).toBe(400);
    expect((await answer({ expectedVersion: 1, answer: '已纠正' })).statusCode).toBe(409);
    // whoever raised the objection cannot close it: the window answers
    const own = await answer({ expectedVersion: 2, answer: '不再追究' }, director);
    expect(own.statusCode).toBe(422);
    expect(own.json().code).toBe('OWN_OBJECTION');
    await setClock('2026-03-06T10:00:00', ['clerk', 'director']);
    const answered = await answer({ expectedVersion: 2, answer: '已电话联系申请人，明日到窗口当场填写申请书后重新受理' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().refusalObjection.answer).toMatchObject({ text: '已电话联系申请人，明日到窗口当场填写申请书后重新受理', at: '2026-03-06T02:00:00.000Z' });
    expect(answered.json().events.at(-1)).toMatchObject({ type: 'refusal-answer', data: { answer: '已电话联系申请人，明日到窗口当场填写申请书后重新受理' } });
    // closed: gone from both lists; the director sees the answer on the case and in the register
    expect(idsOf(await objections(clerk))).not.toContain(returned.id);
    expect(idsOf(await objections(director))).not.toContain(returned.id);
    expect((await get(`/api/cases/${returned.id}`, director)).json().refusalObjection.answer.text).toContain('重新受理');
    const register_ = (await get('/api/cases?view=refusals&pageSize=100', director)).json().cases.find((x: { id: string }) => x.id === returned.id);
    expect(register_.refusalReview).toMatchObject({ opinion: 'questioned', answeredAt: '2026-03-06T02:00:00.000Z' });
    expect((await answer({ expectedVersion: 3, answer: '再答一次' })).json().code).toBe('OBJECTION_ALREADY_ANSWERED');
    // an upheld refusal has nothing to answer
    const upheld = (
      await register({ itemCode: 'MZ-001', materials: [{ name: '临时救助申请书', provided: false }, ...all(['居民身份证', '居民户口簿', SUPPLEMENT_MATERIAL])], refusal: { reasons: '缺申请书', basis: '办事指南' } })
    ).json();
    await t.app.inject({ method: 'POST', url: `/api/cases/${upheld.id}/refusal-review`, headers: { cookie: director }, payload: { expectedVersion: 1, opinion: 'upheld' } });
    const none = await t.app.inject({ method: 'POST', url: `/api/cases/${upheld.id}/refusal-review/answer`, headers: { cookie: clerk }, payload: { expectedVersion: 2, answer: '无' } });
    expect(none.json().code).toBe('NO_OBJECTION');
  });

  it('presence: a clerk goes away and back for themselves, B sees A\'s open cases, the director marks staff', async () => {
    await setClock('2026-03-09T09:00:00', ['clerk', 'clerk2', 'director']);
    const open = (await register(IMMEDIATE)).json();
    const mine = (await get('/api/presence')).json();
    expect(mine.me).toMatchObject({ id: ids.clerk, away: false });
    expect(mine.me.posts.length).toBeGreaterThan(0);
    expect(mine).toMatchObject({ canManage: false, staff: [], covering: [] });

    const presence = (userId: string, body: Record<string, unknown>, cookie = clerk) =>
      t.app.inject({ method: 'POST', url: `/api/users/${userId}/presence`, headers: { cookie }, payload: body });
    expect((await presence(ids.clerk!, { away: true })).json().code).toBe('AWAY_REASON_REQUIRED');
    expect((await presence(ids.clerk2!, { away: true, reason: '开会' })).statusCode).toBe(403); // not someone else
    expect((await presence(ids.clerk!, { away: true, reason: '下村' })).json()).toMatchObject({ away: true, awayReason: '下村' });
    expect((await get('/api/presence')).json().me).toMatchObject({ away: true, awayReason: '下村', awaySince: '2026-03-09T01:00:00.000Z' });

    // B works A's windows now: the windows it covers, with A's open cases routed to it
    const b = (await get('/api/presence', clerk2)).json();
    expect(b.covering.length).toBe(mine.me.posts.filter((p: { post: string }) => p.post === 'A').length);
    expect(b.covering[0].forUser).toMatchObject({ id: ids.clerk, away: true, awayReason: '下村' });
    const covered = await get('/api/cases?view=covering&pageSize=100', clerk2);
    expect(idsOf(covered)).toContain(open.id);
    expect(b.covering.reduce((n: number, w: { openCases: number }) => n + w.openCases, 0)).toBe(covered.json().total);
    expect(idsOf(await get('/api/cases?view=mine&pageSize=100', clerk2))).toContain(open.id);
    expect((await get('/api/cases?view=covering&pageSize=100')).json().total).toBe(0); // A covers nobody

    // the director sees the center's staff and brings A back
    const d = (await get('/api/presence', director)).json();
    expect(d.canManage).toBe(true);
    expect(d.staff.find((s: { id: string }) => s.id === ids.clerk)).toMatchObject({ away: true, awayReason: '下村' });
    expect(d.staff.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ids.clerk, ids.clerk2, ids.director]));
    expect((await presence(ids.clerk!, { away: false }, director)).json()).toMatchObject({ away: false, awayReason: null });
    expect((await get('/api/presence', clerk2)).json().covering).toEqual([]);
    expect((await get('/api/cases?view=covering&pageSize=100', clerk2)).json().total).toBe(0);
    // the director marks B away too: every window A and B share is unmanned, and the director is told
    await presence(ids.clerk!, { away: true, reason: '请假' }, director);
    await presence(ids.clerk2!, { away: true, reason: '开会' }, director);
    expect((await get('/api/presence', director)).json().unmanned.length).toBeGreaterThan(0);
    await presence(ids.clerk!, { away: false }, director);
    await presence(ids.clerk2!, { away: false }, director);
  });

  it.runIf(dialect === 'postgres')('a job runs once across processes: while another holds its advisory lock, a run is skipped', async () => {
    const ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    await t.database.db.connection().execute(async (other) => {
      await sql`select pg_advisory_lock(hashtext(${jobLockKey(t.database, lightSweepJob)}))`.execute(other);
      try {
        expect(await runJobOnce(ctx, lightSweepJob)).toBe(false);
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${jobLockKey(t.database, lightSweepJob)}))`.execute(other);
      }
    });
    expect(await runJobOnce(ctx, lightSweepJob)).toBe(true);
  });

  it.runIf(dialect === 'postgres')('more jobs due at once than the pool has connections (the catch-up at start) all run, and requests still get answered', async () => {
    const ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    const jobs = Array.from({ length: 16 }, (_, i) => ({
      name: `pool-test-${i}`,
      schedule: '0 3 * * *',
      run: async () => {
        await t.database.db.selectFrom('cases').select('id').limit(1).execute();
        return null;
      },
    }));
    const all = Promise.all(jobs.map((job) => runJobOnce(ctx, job)));
    const stuck = new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 30_000));
    expect(await Promise.race([all, stuck])).toEqual(jobs.map(() => true));
    expect((await get('/api/auth/me')).statusCode).toBe(200);
  });

  it.runIf(dialect === 'postgres')('a run in another schema of the same database (another deployment, another test file) does not skip this one', async () => {
    const ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    const elsewhere = await startTestApp(dialect);
    try {
      await elsewhere.database.db.connection().execute(async (other) => {
        // the lock a process working in the other schema holds while it runs its light sweep
        await sql`select pg_advisory_lock(hashtext(${jobLockKey(elsewhere.database, lightSweepJob)}))`.execute(other);
        try {
          expect(await runJobOnce(ctx, lightSweepJob)).toBe(true);
        } finally {
          await sql`select pg_advisory_unlock(hashtext(${jobLockKey(elsewhere.database, lightSweepJob)}))`.execute(other);
        }
      });
    } finally {
      await elsewhere.close();
    }
  });

  it('the public progress timeline carries only the applicant\'s words, never the clerk\'s instructions', async () => {
    await setClock('2026-03-10T09:00:00');
    const waiting = (await register({ itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证', '居民户口簿']), { name: SUPPLEMENT_MATERIAL, provided: false }] })).json();
    const returned = (
      await register({ itemCode: 'MZ-001', materials: [{ name: '临时救助申请书', provided: false }, ...all(['居民身份证', '居民户口簿', SUPPLEMENT_MATERIAL])], refusal: { reasons: '缺少申请书', basis: '办事指南' } })
    ).json();
    for (const c of [waiting, returned]) {
      const intake = c.events[0].data.message as string;
      expect(intake).toMatch(/请(出具|写明)/); // the clerk's instruction at intake …
      const progress = (await t.app.inject({ url: `/api/public/progress?caseNo=${c.caseNo}&phone4=5678` })).json();
      const text = progress.timeline.map((e: { text: string }) => e.text).join('\n');
      expect(text).not.toContain(intake); // … stays on the staff timeline
      expect(text).not.toMatch(/请出具|请写明|退回理由和依据，出具/);
    }
    const progress = (await t.app.inject({ url: `/api/public/progress?caseNo=${waiting.caseNo}&phone4=5678` })).json();
    expect(progress.timeline[0].text).toContain('一次性告知书');
  });
});
