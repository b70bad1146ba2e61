// 我的办件 — the printed notices (issue 11 §2): a signed-in applicant lists the papers the center printed for a case
// whose ID number AND phone are the account's and reads each as printed; another person's case (or the same ID
// number under another phone, or a print of another case) is not found — 404, never 403; signed out is 401.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantPaperListSchema, applicantPrintedPaperSchema } from '../../src/domain/contract/papers.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const A = { phone: '13900005555', idNumber: '320102198001011238', name: '李秀兰' };
const B = { phone: '13900006666', idNumber: '320102198001011246', name: '赵建国' };
const MATERIALS = [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }];

describe.each(DIALECTS)('我的办件：文书 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let cookieA: string;
  let cookieB: string;
  let seq = 0;
  const cases: Record<'a' | 'b' | 'aOtherPhone', { id: string; caseNo: string; printId: string }> = {} as never;

  async function registerApplicant(who: typeof A): Promise<string> {
    const ip = `10.8.${++seq}.1`;
    expect((await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone: who.phone, purpose: 'register' }, remoteAddress: ip })).statusCode).toBe(202);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', who.phone).where('template', '=', 'applicant-code').executeTakeFirstOrThrow();
    const code = /验证码(\d{6})/.exec(sms.text)![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/applicants',
      payload: { phone: who.phone, code, password: 'Liuhe#2026ok', kind: 'person', name: who.name, idNumber: who.idNumber },
      headers: { 'idempotency-key': `reg-${dialect}-${who.phone}` },
      remoteAddress: ip,
    });
    expect(res.statusCode, res.body).toBe(201);
    return `bianmin_applicant=${res.cookies.find((x) => x.name === 'bianmin_applicant')!.value}`;
  }

  /** A window case registered for this person and its 受理通知书 printed at the window. */
  async function caseWithPrint(applicant: { name: string; idNumber: string; phone: string }) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { itemCode: 'MZ-002', channel: 'window', applicant: { kind: 'person', ...applicant }, materials: MATERIALS },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as { id: string; caseNo: string };
    const print = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/prints`, headers: { cookie: clerk }, payload: { paper: 'acceptance' } });
    expect(print.statusCode, print.body).toBe(201);
    return { id: c.id, caseNo: c.caseNo, printId: (print.json() as { id: string }).id };
  }

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const papersUrl = (caseNo: string, printId?: string) => `/api/public/my-cases/${encodeURIComponent(caseNo)}/papers${printId ? `/${printId}` : ''}`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-03T09:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    cookieA = await registerApplicant(A);
    cookieB = await registerApplicant(B);
    cases.a = await caseWithPrint(A);
    cases.b = await caseWithPrint(B);
    cases.aOtherPhone = await caseWithPrint({ ...A, phone: '13811119999' });
  });
  afterAll(() => t.close());

  it('lists the papers printed for the applicant’s own case and shows one exactly as printed, unaudited', async () => {
    const auditsBefore = (await t.database.db.selectFrom('audit_log').select('id').execute()).length;
    const list = await get(papersUrl(cases.a.caseNo), cookieA);
    expect(list.statusCode, list.body).toBe(200);
    const { papers, total } = applicantPaperListSchema.parse(list.json());
    expect(total).toBe(1);
    expect(papers[0]).toMatchObject({ id: cases.a.printId, paper: 'acceptance', paperName: '受理通知书' });
    expect(papers[0]!.title).toMatch(/受理通知书$/);
    expect(papers[0]!.issuerName).toBeTruthy();
    expect(list.body).not.toContain('printedBy');

    const one = await get(papersUrl(cases.a.caseNo, cases.a.printId), cookieA);
    expect(one.statusCode, one.body).toBe(200);
    const paper = applicantPrintedPaperSchema.parse(one.json());
    expect(paper.content.paper).toBe('acceptance');
    expect(paper.content.case.caseNo).toBe(cases.a.caseNo);
    expect(paper.content.title).toBe(paper.title);
    // the timeline behind the sheet: each event's kind and time only, never who acted or what staff noted
    expect(paper.content.case.events.length).toBeGreaterThan(0);
    for (const e of paper.content.case.events) {
      expect(e.by).toBe('');
      expect(e).not.toHaveProperty('data');
    }
    // what the archive kept is what the applicant sees
    const archived = (await get(`/api/cases/${cases.a.id}/prints/${cases.a.printId}`, clerk)).json() as { content: { title: string; generatedAt: string } };
    expect(paper.content.generatedAt).toBe(archived.content.generatedAt);
    expect((await t.database.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditsBefore);
  });

  it('another person’s case, the same ID number under another phone, or a print of another case: 404', async () => {
    for (const [url, cookie] of [
      [papersUrl(cases.b.caseNo), cookieA],
      [papersUrl(cases.b.caseNo, cases.b.printId), cookieA],
      [papersUrl(cases.aOtherPhone.caseNo), cookieA],
      [papersUrl(cases.aOtherPhone.caseNo, cases.aOtherPhone.printId), cookieA],
      [papersUrl(cases.a.caseNo, cases.b.printId), cookieA],
      [papersUrl(cases.a.caseNo), cookieB],
      [papersUrl(cases.a.caseNo, cases.a.printId), cookieB],
      [papersUrl('NO-SUCH-CASE'), cookieA],
    ] as const) {
      const res = await get(url, cookie);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
      expect(res.body).not.toContain(B.name);
    }
    // B sees B's own
    expect(applicantPaperListSchema.parse((await get(papersUrl(cases.b.caseNo), cookieB)).json()).papers.map((p) => p.id)).toEqual([cases.b.printId]);
  });

  it('signed out: 401', async () => {
    expect((await get(papersUrl(cases.a.caseNo))).statusCode).toBe(401);
    expect((await get(papersUrl(cases.a.caseNo, cases.a.printId))).statusCode).toBe(401);
  });
});
