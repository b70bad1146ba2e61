// 否定报备 of online applications (DOMAIN.md rule 2): an application the window returns at pre-review is a refusal
// like a returned case. It appears on the director's 工作台 (否定报备待审查) and list, the director reviews it —
// 有异议 needs a comment, a clerk may not review — and it leaves the list; the window answers the objection, which the
// director who raised it may not answer. The applicant never sees the register.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDetailSchema, applicationListSchema } from '../../src/domain/contract/applications.js';
import { directorDashboardSchema } from '../../src/domain/contract/dashboard.js';
import { DEMO_APPLICANT } from '../../src/modules/applicants/demo.js';
import { seedDemoApplication } from '../../src/modules/applications/demo.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('否定报备: an online application returned at pre-review (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let id: string;
  let version: number;

  const post = (cookie: string, url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
  const toReview = async () => applicationListSchema.parse((await get(director, '/api/applications?view=refusals-to-review')).json());
  const dashboard = async () => directorDashboardSchema.parse((await get(director, '/api/dashboard/director')).json());

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T10:00:00+08:00');
    const ctx = { database: t.database, config: { ...t.config, demo: true }, clock: () => t.clock.now } as never;
    expect(await seedDemoApplication(ctx)).toBe('演示网上申请');
    clerk = await signIn(t.app, 'clerk');
    director = await signIn(t.app, 'director');
    const list = applicationListSchema.parse((await get(clerk, '/api/applications?status=pre_review')).json());
    id = list.applications[0]!.id;
    version = list.applications[0]!.version;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('nothing to review while the application waits for pre-review', async () => {
    expect((await toReview()).total).toBe(0);
    expect((await dashboard()).applicationRefusalsToReview.total).toBe(0);
    const notYet = await post(director, `/api/applications/${id}/refusal-review`, { expectedVersion: version, opinion: 'upheld' });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().code).toBe('NOT_A_REFUSAL');
  });

  it('a return at pre-review is on the director’s 工作台 and list, awaiting review', async () => {
    const res = await post(clerk, `/api/applications/${id}/actions/return`, { expectedVersion: version, reason: '申请人未满 60 周岁', basis: '办理条件第一条' });
    expect(res.statusCode, res.body).toBe(200);
    const returned = applicationDetailSchema.parse(res.json());
    expect(returned.refusalReview).toEqual({ awaitingReview: true, review: null });
    version = returned.version;

    const board = await dashboard();
    expect(board.applicationRefusalsToReview.total).toBe(1);
    expect(board.applicationRefusalsToReview.applications).toMatchObject([{ id, status: 'returned', refusalReview: { awaitingReview: true } }]);
    expect((await toReview()).applications.map((a) => a.id)).toEqual([id]);
  });

  it('a clerk cannot review it; an objection needs a comment; another township’s director is out of scope', async () => {
    const byClerk = await post(clerk, `/api/applications/${id}/refusal-review`, { expectedVersion: version, opinion: 'upheld' });
    expect(byClerk.statusCode).toBe(403);
    const bare = await post(director, `/api/applications/${id}/refusal-review`, { expectedVersion: version, opinion: 'questioned' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().code).toBe('REVIEW_COMMENT_REQUIRED');
    const stale = await post(director, `/api/applications/${id}/refusal-review`, { expectedVersion: version - 1, opinion: 'upheld' });
    expect(stale.statusCode).toBe(409);
    expect((await toReview()).total).toBe(1);
  });

  it('the director reviews it (有异议 with a comment): off the list, once only; the window sees the objection', async () => {
    const res = await post(director, `/api/applications/${id}/refusal-review`, { expectedVersion: version, opinion: 'questioned', comment: '年龄可按户口簿核实，应一次性告知补正' });
    expect(res.statusCode, res.body).toBe(200);
    const reviewed = applicationDetailSchema.parse(res.json());
    expect(reviewed.refusalReview).toMatchObject({ awaitingReview: false, review: { opinion: 'questioned', comment: '年龄可按户口簿核实，应一次性告知补正', answer: null } });
    expect(reviewed.refusalReview!.review!.by).toBeTruthy();
    version = reviewed.version;

    expect((await toReview()).total).toBe(0);
    expect((await dashboard()).applicationRefusalsToReview.total).toBe(0);
    const again = await post(director, `/api/applications/${id}/refusal-review`, { expectedVersion: version, opinion: 'upheld' });
    expect(again.json().code).toBe('REFUSAL_ALREADY_REVIEWED');

    const objections = applicationListSchema.parse((await get(clerk, '/api/applications?view=objections')).json());
    expect(objections.applications.map((a) => a.id)).toEqual([id]);
  });

  it('the window answers the objection (not the director who raised it), which closes it', async () => {
    const own = await post(director, `/api/applications/${id}/refusal-review/answer`, { expectedVersion: version, answer: '已纠正' });
    expect(own.json().code).toBe('OWN_OBJECTION');
    const res = await post(clerk, `/api/applications/${id}/refusal-review/answer`, { expectedVersion: version, answer: '已电话联系申请人，请其重新申请并补传户口簿' });
    expect(res.statusCode, res.body).toBe(200);
    expect(applicationDetailSchema.parse(res.json()).refusalReview!.review!.answer).toMatchObject({ text: '已电话联系申请人，请其重新申请并补传户口簿' });
    expect((await get(clerk, '/api/applications?view=objections')).json().total).toBe(0);
    const audit = (await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute()).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['application.refusal-review', 'application.refusal-answer']));
  });

  it('the applicant sees the return but never the register', async () => {
    const session = await t.app.inject({ method: 'POST', url: '/api/public/session', payload: { phone: DEMO_APPLICANT.phone, password: DEMO_APPLICANT.password } });
    const cookie = `bianmin_applicant=${session.cookies.find((c) => c.name === 'bianmin_applicant')!.value}`;
    const mine = applicationDetailSchema.parse((await t.app.inject({ url: `/api/public/applications/${id}`, headers: { cookie } })).json());
    expect(mine.status).toBe('returned');
    expect(mine.refusalReview).toBeNull();
  });
});
