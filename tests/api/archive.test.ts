// 立卷归档 (DOMAIN.md "Archive"): the 保管期限表 (read by the center, set by the director, audited); filing a finished
// case — its 档号, the manifest in the file store with every uploaded material's bytes and SHA-256, the 卷内目录 in
// order; an unfinished case, a second filing and two filings at once are refused with 409, never a 500; the integrity
// check finds a damaged file; the nightly job files an old finished case exactly once and leaves a recent one; another
// township's clerk sees nothing; bad input answers 400 in Chinese and writes nothing.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierListSchema, dossierSchema, dossierSummarySchema, retentionRowSchema, retentionTableSchema } from '../../src/domain/contract/archive.js';
import { DOSSIER_PARTS } from '../../src/domain/archive/terms.js';
import { archiveFinishedCasesJob } from '../../src/modules/archive/job.js';
import { seedDemoApplication } from '../../src/modules/applications/demo.js';
import { JOBS } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface CaseView {
  id: string;
  caseNo: string;
  status: string;
  version: number;
  allowedActions: { action: string }[];
}

describe.each(DIALECTS)('立卷归档 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let leader: string;
  let agent: string;
  let otherClerk: string;
  let admin: string;
  let county: string;
  let townshipCode: string;
  let townshipId: string;
  let countyId: string;
  let shiqiaoId: string;
  let shiqiaoDirector: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    t.clock.now = new Date('2026-03-03T09:00:00+08:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    townshipCode = orgs.find((o) => o.name === '柳河镇')!.code;
    townshipId = orgs.find((o) => o.name === '柳河镇')!.id;
    const shiqiao = orgs.find((o) => o.name === '石桥乡')!.id;
    shiqiaoId = shiqiao;
    const c = await db.selectFrom('users').selectAll().where('username', '=', 'clerk').executeTakeFirstOrThrow();
    countyId = (await db.selectFrom('users').select('org_id').where('username', '=', 'county').executeTakeFirstOrThrow()).org_id;
    await db.insertInto('users').values({ ...c, id: randomUUID(), username: 'shiqiao-clerk', name: '石桥窗口', org_id: shiqiao, phone: null }).execute();
    const d = await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ ...d, id: randomUUID(), username: 'shiqiao-director', name: '石桥主任', org_id: shiqiao, phone: null }).execute();
    [shiqiaoDirector, supervisor] = (await Promise.all(['shiqiao-director', 'supervisor'].map((u) => signIn(t.app, u)))) as [string, string];
    [clerk, director, leader, agent, otherClerk, admin, county] = (await Promise.all(['clerk', 'director', 'leader', 'agent', 'shiqiao-clerk', 'admin', 'county'].map((u) => signIn(t.app, u)))) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
  });
  afterAll(() => t.close());

  const ctx = () => ({ database: t.database, config: t.config, clock: () => t.clock.now }) as never;
  const register = async (itemCode = 'MZ-002', materials = all(['居民身份证', '近期一寸免冠照片']), by: { cookie: string; channel: string } = { cookie: clerk, channel: 'window' }): Promise<CaseView> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: by.cookie, 'idempotency-key': randomUUID() }, payload: { channel: by.channel, applicant, itemCode, materials } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CaseView;
  };
  const act = async (c: { id: string; version: number }, action: string, body: Record<string, unknown> = {}, cookie = clerk): Promise<CaseView> => {
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: c.version, ...body } });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as CaseView;
  };
  const deliver = async (c: CaseView) => act(await act(c, 'complete', { outcome: 'approved', resultNo: '证明 2026-001' }), 'deliver', { method: 'window' });
  const fileCase = (caseId: unknown, cookie = clerk) => t.app.inject({ method: 'POST', url: '/api/archive/dossiers', headers: { cookie }, payload: { caseId } });
  const dossierCount = async () => Number((await t.database.db.selectFrom('archive_dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  let filed: ReturnType<typeof dossierSchema.parse>;
  let uploaded: { name: string; bytes: number; sha256: string; hash: string }[];

  it('保管期限表: every catalog item with the default period; the director sets one (audited), a clerk may not, an unknown item is 404', async () => {
    const table = retentionTableSchema.parse((await t.app.inject({ url: '/api/archive/retention', headers: { cookie: clerk } })).json());
    const items = await t.database.db.selectFrom('items').select('code').execute();
    expect(table.items).toHaveLength(items.length);
    expect(table).toMatchObject({ orgId: townshipId, orgName: '柳河镇便民服务中心', defaultPeriod: '30y', defaultPeriodName: '30年' });
    expect(table.items.find((i) => i.itemCode === 'MZ-002')).toMatchObject({ period: '30y', isDefault: true, updatedAt: null });
    expect((await t.app.inject({ url: '/api/archive/retention', headers: { cookie: admin } })).statusCode).toBe(403);

    const put = (code: string, payload: unknown, cookie = director) => t.app.inject({ method: 'PUT', url: `/api/archive/retention/${code}`, headers: { cookie }, payload: payload as object });
    expect((await put('MZ-002', { period: '10y' }, clerk)).statusCode).toBe(403);
    const missing = await put('XX-999', { period: '10y' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().title).toContain('XX-999');
    const bad = await put('MZ-002', { period: '5y' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('保管期限须是');
    expect(await t.database.db.selectFrom('archive_retention').selectAll().execute()).toHaveLength(0);

    const set = retentionRowSchema.parse((await put('MZ-002', { period: '10y' })).json());
    expect(set).toMatchObject({ itemCode: 'MZ-002', period: '10y', periodName: '10年', isDefault: false, updatedByName: '李春梅' });
    const again = retentionTableSchema.parse((await t.app.inject({ url: '/api/archive/retention', headers: { cookie: leader } })).json());
    expect(again.items.find((i) => i.itemCode === 'MZ-002')).toMatchObject({ period: '10y', isDefault: false });
    expect((await audits('archive.retention')).map((a) => JSON.parse(a.detail!))).toEqual([
      expect.objectContaining({ orgId: townshipId, orgName: '柳河镇便民服务中心', itemCode: 'MZ-002', from: '30y', fromDefault: true, to: '10y' }),
    ]);
    // the same period again is no change: the row as it was, no audit entry
    t.clock.now = new Date('2026-03-03T09:05:00+08:00');
    const same = retentionRowSchema.parse((await put('MZ-002', { period: '10y' })).json());
    expect(same).toEqual(set);
    expect(await audits('archive.retention')).toHaveLength(1);
    t.clock.now = new Date('2026-03-03T09:00:00+08:00');
  });

  it('保管期限表 per center: a director sets their own center’s only; another center’s table is read within one’s tree, else 403', async () => {
    const read = async (cookie: string, orgId?: string) => {
      const res = await t.app.inject({ url: `/api/archive/retention${orgId ? `?orgId=${orgId}` : ''}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return retentionTableSchema.parse(res.json());
    };
    const put = (code: string, period: string, cookie: string) => t.app.inject({ method: 'PUT', url: `/api/archive/retention/${code}`, headers: { cookie }, payload: { period } });
    expect((await put('MZ-003', '10y', director)).statusCode).toBe(200);
    // 石桥乡's table is its own: still the default, whoever reads it
    const shiqiao = await read(shiqiaoDirector);
    expect(shiqiao).toMatchObject({ orgId: shiqiaoId, orgName: expect.stringContaining('石桥') });
    expect(shiqiao.items.find((i) => i.itemCode === 'MZ-003')).toMatchObject({ period: '30y', isDefault: true });
    expect(shiqiao.items.find((i) => i.itemCode === 'MZ-002')).toMatchObject({ period: '30y', isDefault: true });
    expect(await read(county, shiqiaoId)).toEqual(shiqiao);
    expect((await read(county, townshipId)).items.find((i) => i.itemCode === 'MZ-003')).toMatchObject({ period: '10y', isDefault: false, updatedByName: '李春梅' });
    expect((await read(county)).orgId).toBe(countyId);
    // a township's people may not read the county's nor a neighbour's
    for (const orgId of [countyId, shiqiaoId]) {
      const refused = await t.app.inject({ url: `/api/archive/retention?orgId=${orgId}`, headers: { cookie: director } });
      expect(refused.statusCode, orgId).toBe(403);
      expect(refused.json().title).toMatch(/[\u4e00-\u9fff]/);
    }
    // 石桥乡's director changes 石桥乡's row only (MZ-002 permanent there; 柳河镇 keeps 10 years, and files so)
    expect(retentionRowSchema.parse((await put('MZ-002', 'permanent', shiqiaoDirector)).json())).toMatchObject({ period: 'permanent', updatedByName: '石桥主任' });
    expect((await read(clerk)).items.find((i) => i.itemCode === 'MZ-002')).toMatchObject({ period: '10y' });
    expect((await read(leader)).items.find((i) => i.itemCode === 'MZ-003')).toMatchObject({ period: '10y' });
    const entries = (await audits('archive.retention')).map((a) => JSON.parse(a.detail!));
    expect(entries.slice(1)).toEqual([
      expect.objectContaining({ orgId: townshipId, itemCode: 'MZ-003', from: '30y', to: '10y' }),
      expect.objectContaining({ orgId: shiqiaoId, orgName: shiqiao.orgName, itemCode: 'MZ-002', from: '30y', to: 'permanent' }),
    ]);
  });

  it('an unfinished case is refused with CASE_NOT_FINISHED, a missing caseId with 400; nothing is written', async () => {
    const open = await register();
    const res = await fileCase(open.id);
    expect(res.statusCode).toBe(409);
    const NOT_FINISHED = '这件办件还没有办完：结果送达（或退回、撤回）后才能立卷归档。';
    expect(res.json()).toMatchObject({ code: 'CASE_NOT_FINISHED', title: NOT_FINISHED });
    const completed = await act(open, 'complete', { outcome: 'approved' });
    expect(completed.status).toBe('completed');
    // 已办结 but not delivered: never told it is "还没有办结"
    expect((await fileCase(open.id)).json()).toMatchObject({ code: 'CASE_NOT_FINISHED', title: NOT_FINISHED });
    const none = await t.app.inject({ method: 'POST', url: '/api/archive/dossiers', headers: { cookie: clerk }, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().title).toContain('请选择要立卷归档的办件');
    expect((await fileCase(randomUUID())).statusCode).toBe(404);
    expect((await fileCase(open.id, leader)).statusCode).toBe(403);
    expect(await dossierCount()).toBe(0);
  });

  it('files an online case: 档号, the manifest and every uploaded material registered with bytes and SHA-256, the 卷内目录 in order', async () => {
    expect(await seedDemoApplication({ ...(ctx() as object), config: { ...t.config, demo: true } } as never)).toBe('演示网上申请');
    const db = t.database.db;
    const application = await db.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    const accepted = await t.app.inject({ method: 'POST', url: `/api/applications/${application.id}/actions/accept`, headers: { cookie: clerk }, payload: { expectedVersion: application.version } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const caseId = accepted.json().caseId as string;
    let c = (await t.app.inject({ url: `/api/cases/${caseId}`, headers: { cookie: clerk } })).json() as CaseView;
    const printed = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/prints`, headers: { cookie: clerk }, payload: { paper: 'acceptance' } });
    expect(printed.statusCode, printed.body).toBe(201);
    // 养老保险待遇 is decided by the county: escalated, received and decided there, delivered by the township
    c = await act(await act(await act(c, 'escalate'), 'receive', {}, county), 'complete', { outcome: 'approved', resultNo: '养老 2026-001' }, county);
    c = await act(c, 'deliver', { method: 'window' });
    expect(c.status).toBe('delivered');

    const files = await db.selectFrom('application_files').selectAll().where('application_id', '=', application.id).execute();
    expect(files.length).toBeGreaterThan(0);
    uploaded = files.map((f) => ({ name: f.original_name!, bytes: f.size, sha256: f.file_hash, hash: f.file_hash }));

    const res = await fileCase(caseId);
    expect(res.statusCode, res.body).toBe(201);
    filed = dossierSchema.parse(res.json());
    expect(filed.archiveNo).toBe(`${townshipCode}-2026-D30-0001`);
    expect(filed).toMatchObject({ caseId, period: '30y', periodName: '30年', keepUntil: '2056-12-31', year: 2026, archivedByName: '王晓燕', check: null, applicantName: application.applicant_name });

    // 件数 and 字节数: the manifest and every uploaded file
    const manifest = await t.app.inject({ url: `/api/archive/dossiers/${filed.id}/manifest`, headers: { cookie: leader } });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/json/);
    expect(manifest.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(`${filed.archiveNo}.json`)}`);
    expect(sha256(manifest.rawPayload)).toBe(filed.manifestSha256);
    expect(filed.fileCount).toBe(uploaded.length + 1);
    expect(filed.totalBytes).toBe(manifest.rawPayload.length + uploaded.reduce((n, f) => n + f.bytes, 0));
    const body = JSON.parse(manifest.rawPayload.toString('utf8'));
    expect(body).toMatchObject({ version: 1, archiveNo: filed.archiveNo, case: { id: caseId, status: 'delivered' } });
    expect(body.files.map((f: { sha256: string; bytes: number }) => [f.sha256, f.bytes]).sort()).toEqual(uploaded.map((f) => [f.sha256, f.bytes]).sort());
    expect(body.entries.find((e: { part: string }) => e.part === 'papers')).toMatchObject({ title: '受理通知书', content: expect.any(Object) });

    // the 卷内目录: parts in order, seq from 1, each stored file downloadable and the same bytes
    const order = filed.entries.map((e) => DOSSIER_PARTS.indexOf(e.part));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(filed.entries.map((e) => e.seq)).toEqual(filed.entries.map((_, i) => i + 1));
    expect(new Set(filed.entries.map((e) => e.part))).toEqual(new Set(['application', 'materials', 'papers', 'process', 'result']));
    const withFiles = filed.entries.filter((e) => e.file);
    expect(withFiles).toHaveLength(uploaded.length);
    for (const e of withFiles) {
      const got = await t.app.inject({ url: `/api/archive/dossiers/${filed.id}/files/${e.seq}`, headers: { cookie: clerk } });
      expect(got.statusCode).toBe(200);
      expect(sha256(got.rawPayload)).toBe(e.file!.sha256);
      expect(got.rawPayload.length).toBe(e.file!.bytes);
    }
    const noFile = filed.entries.find((e) => !e.file)!;
    expect((await t.app.inject({ url: `/api/archive/dossiers/${filed.id}/files/${noFile.seq}`, headers: { cookie: clerk } })).statusCode).toBe(404);
    expect((await audits('archive.file')).map((a) => a.target_id)).toEqual([filed.id]);

    // the list finds it by 档号, 办件编号 and applicant
    for (const q of [filed.archiveNo.slice(-8), filed.caseNo, application.applicant_name]) {
      const list = dossierListSchema.parse((await t.app.inject({ url: `/api/archive/dossiers?q=${encodeURIComponent(q)}`, headers: { cookie: director } })).json());
      expect(list.dossiers.map((d) => d.id), q).toEqual([filed.id]);
    }
    expect(dossierListSchema.parse((await t.app.inject({ url: '/api/archive/dossiers?period=10y', headers: { cookie: director } })).json()).total).toBe(0);
  });

  it('filing twice is refused naming the 档号', async () => {
    const res = await fileCase(filed.caseId);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ALREADY_ARCHIVED' });
    expect(res.json().title).toContain(filed.archiveNo);
  });

  it('two filings at the same moment: one 201, one 409, one dossier; the next case takes the next 件号 of its period', async () => {
    const c = await deliver(await register());
    const before = await dossierCount();
    const answers = await Promise.all([fileCase(c.id), fileCase(c.id, director)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('ALREADY_ARCHIVED');
    expect(await dossierCount()).toBe(before + 1);
    // the losing filing's manifest is not left in the file store: every stored file is one a record uses
    const dir = (t.config.files as { dir: string }).dir;
    const stored = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /^[0-9a-f]{64}$/.test(f.name)).map((f) => f.name);
    const used = new Set((await t.database.db.selectFrom('files').select('hash').execute()).map((f) => f.hash));
    expect(stored.filter((hash) => !used.has(hash))).toEqual([]);
    // MZ-002 is kept 10 years since the first test
    expect(answers.find((a) => a.statusCode === 201)!.json().archiveNo).toBe(`${townshipCode}-2026-D10-0001`);
    const returned = await act(await register(), 'return', { reasons: '不符合条件。', basis: '《条例》第三条' });
    expect(returned.status).toBe('returned');
    const r = await fileCase(returned.id);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ archiveNo: `${townshipCode}-2026-D10-0002`, keepUntil: '2036-12-31' });
    expect(r.json().entries.find((e: { part: string }) => e.part === 'result')).toMatchObject({ title: '退回', detail: '不符合条件；依据：《条例》第三条' });
  });

  it('the integrity check: ok, then a damaged stored file is named; audited both times', async () => {
    const ok = dossierSummarySchema.parse((await t.app.inject({ method: 'POST', url: `/api/archive/dossiers/${filed.id}/check`, headers: { cookie: clerk } })).json());
    expect(ok.check).toMatchObject({ ok: true, problems: [] });
    expect((await t.app.inject({ method: 'POST', url: `/api/archive/dossiers/${filed.id}/check`, headers: { cookie: leader } })).statusCode).toBe(403);

    // damage one material under DATA_DIR's file folder
    const victim = filed.entries.find((e) => e.file)!.file!;
    const dir = (t.config.files as { dir: string }).dir;
    writeFileSync(join(dir, victim.sha256.slice(0, 2), victim.sha256.slice(2, 4), victim.sha256), Buffer.from('%PDF-1.4 damaged'));
    const bad = dossierSummarySchema.parse((await t.app.inject({ method: 'POST', url: `/api/archive/dossiers/${filed.id}/check`, headers: { cookie: director } })).json());
    expect(bad.check!.ok).toBe(false);
    // named once: not again as a shortfall of the count and the total bytes
    expect(bad.check!.problems).toEqual([`文件“${victim.name}”的 SHA-256 与登记不符（文件已损坏）`]);
    // downloading it says it is damaged and what to do (not the store's "重新上传")
    const seq = filed.entries.find((e) => e.file?.sha256 === victim.sha256)!.seq;
    const got = await t.app.inject({ url: `/api/archive/dossiers/${filed.id}/files/${seq}`, headers: { cookie: clerk } });
    expect(got.statusCode).toBe(409);
    expect(got.json()).toMatchObject({ code: 'ARCHIVE_FILE_DAMAGED', title: `文件“${victim.name}”已损坏（与登记的 SHA-256 不符）。请做一次完整性检测，并从备份恢复。` });
    const other = await t.database.db.selectFrom('archive_dossiers').selectAll().where('id', '!=', filed.id).orderBy('archive_no').executeTakeFirstOrThrow();
    writeFileSync(join(dir, other.manifest_key.slice(0, 2), other.manifest_key.slice(2, 4), other.manifest_key), Buffer.from('{"damaged":true}'));
    const manifest = await t.app.inject({ url: `/api/archive/dossiers/${other.id}/manifest`, headers: { cookie: clerk } });
    expect(manifest.statusCode).toBe(409);
    expect(manifest.json()).toMatchObject({ code: 'ARCHIVE_FILE_DAMAGED', title: '案卷清单已损坏（与登记的 SHA-256 不符）。请做一次完整性检测，并从备份恢复。' });
    const otherCheck = dossierSummarySchema.parse((await t.app.inject({ method: 'POST', url: `/api/archive/dossiers/${other.id}/check`, headers: { cookie: clerk } })).json());
    expect(otherCheck.check!.problems).toEqual(['案卷清单的 SHA-256 与登记不符（文件已损坏）']);
    const detail = dossierSchema.parse((await t.app.inject({ url: `/api/archive/dossiers/${filed.id}`, headers: { cookie: clerk } })).json());
    expect(detail.check).toEqual(bad.check);
    expect((await audits('archive.check')).map((a) => JSON.parse(a.detail!).ok)).toEqual([true, false, false]);
  });

  it('another township’s clerk sees none of it; bad list input is 400 in Chinese', async () => {
    expect((await t.app.inject({ url: `/api/archive/dossiers/${filed.id}`, headers: { cookie: otherClerk } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/archive/dossiers/${filed.id}/manifest`, headers: { cookie: otherClerk } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/archive/dossiers/${filed.id}/check`, headers: { cookie: otherClerk } })).statusCode).toBe(403);
    expect(dossierListSchema.parse((await t.app.inject({ url: '/api/archive/dossiers', headers: { cookie: otherClerk } })).json())).toEqual({ dossiers: [], total: 0 });
    expect((await fileCase(filed.caseId, otherClerk)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/archive/dossiers', headers: { cookie: agent } })).statusCode).toBe(403);
    const mine = dossierListSchema.parse((await t.app.inject({ url: '/api/archive/dossiers?pageSize=2', headers: { cookie: clerk } })).json());
    expect(mine.total).toBe(3);
    expect(mine.dossiers).toHaveLength(2);
    expect(mine.dossiers.map((d) => d.archivedAt)).toEqual([...mine.dossiers.map((d) => d.archivedAt)].sort().reverse());
    for (const query of ['page=0', 'period=5y', 'year=26', 'pageSize=500']) {
      const res = await t.app.inject({ url: `/api/archive/dossiers?${query}`, headers: { cookie: clerk } });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().title, query).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await t.app.inject({ url: '/api/archive/dossiers?page=0', headers: { cookie: clerk } })).json().title).toContain('页码');
  });

  it('the nightly job files a case finished 30 days ago exactly once and leaves one finished since; it is on the jobs page', async () => {
    expect(JOBS.map((j) => j.name)).toContain('archive-finished-cases');
    const jobs = await t.app.inject({ url: '/api/jobs', headers: { cookie: admin } });
    expect(jobs.body).toContain('archive-finished-cases');

    const old = await deliver(await register());
    t.clock.now = new Date('2026-03-28T09:00:00+08:00');
    const recent = await deliver(await register());
    t.clock.now = new Date('2026-04-03T02:30:00+08:00');
    const message = await archiveFinishedCasesJob.run(ctx(), t.clock.now);
    expect(message).toMatch(/自动归档 \d+ 件/);
    const rows = await t.database.db.selectFrom('archive_dossiers').selectAll().where('case_id', 'in', [old.id, recent.id]).execute();
    expect(rows.map((r) => r.case_id)).toEqual([old.id]);
    expect(rows[0]!.archived_by).toBeNull();
    const auto = dossierSchema.parse((await t.app.inject({ url: `/api/archive/dossiers/${rows[0]!.id}`, headers: { cookie: clerk } })).json());
    expect(auto).toMatchObject({ archivedByName: '系统自动归档', archiveNo: `${townshipCode}-2026-D10-0003` });
    // the case completed without delivery in the second test is not finished: never filed
    const count = await dossierCount();
    await archiveFinishedCasesJob.run(ctx(), t.clock.now);
    expect(await dossierCount()).toBe(count);
    // a month on, the recent one is filed too, still once each
    t.clock.now = new Date('2026-05-03T02:30:00+08:00');
    await archiveFinishedCasesJob.run(ctx(), t.clock.now);
    const both = await t.database.db.selectFrom('archive_dossiers').select('case_id').where('case_id', 'in', [old.id, recent.id]).execute();
    expect(both.map((r) => r.case_id).sort()).toEqual([old.id, recent.id].sort());
  });

  it('the nightly job numbers one night’s cases in the order they were finished, not by id', async () => {
    const a = await register();
    const b = await register();
    // the one whose id sorts last is finished first
    const [first, second] = a.id > b.id ? [a, b] : [b, a];
    t.clock.now = new Date('2026-05-04T10:00:00+08:00');
    await deliver(first);
    t.clock.now = new Date('2026-05-04T11:00:00+08:00');
    await deliver(second);
    t.clock.now = new Date('2026-06-05T02:30:00+08:00');
    expect(await archiveFinishedCasesJob.run(ctx(), t.clock.now)).toBe('自动归档 2 件');
    const rows = await t.database.db.selectFrom('archive_dossiers').select(['case_id', 'archive_no']).where('case_id', 'in', [first.id, second.id]).execute();
    const no = new Map(rows.map((r) => [r.case_id, r.archive_no]));
    expect([no.get(first.id), no.get(second.id)]).toEqual([`${townshipCode}-2026-D10-0005`, `${townshipCode}-2026-D10-0006`]);
  });

  it('a case with a 差评整改 or a 督办单 still open is not filed (409 naming them; the job passes it over in silence) until they are closed', async () => {
    t.clock.now = new Date('2026-06-08T09:00:00+08:00');
    const c = await deliver(await register());
    await drainAll(ctx());
    const rated = await t.app.inject({ method: 'POST', url: '/api/public/ratings', payload: { caseNo: c.caseNo, phone4: '0000', level: 'very_dissatisfied', comment: '态度不好' } });
    expect(rated.statusCode, rated.body).toBe(201);
    const orders = await t.database.db.selectFrom('rating_work_orders').selectAll().where('case_id', '=', c.id).execute();
    expect(orders).toHaveLength(1);
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/cards',
      headers: { cookie: supervisor, 'idempotency-key': randomUUID() },
      payload: { caseId: c.id, orgId: townshipId, level: 'orange', content: '群众反映态度不好，请核实整改。', replyBy: '2026-06-12' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const cardNo = issued.json().cardNo as string;

    const refused = await fileCase(c.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'ARCHIVE_OPEN_MATTERS',
      title: `这件办件还有未办结的差评整改（${orders[0]!.work_order_no}）、督办单（${cardNo}），办结后才能立卷归档。`,
    });
    // the nightly job passes it over without calling it a failure
    const before = await dossierCount();
    t.clock.now = new Date('2026-07-10T02:30:00+08:00');
    expect(await archiveFinishedCasesJob.run(ctx(), t.clock.now)).toBeNull();
    expect(await dossierCount()).toBe(before);

    // the work order closed, the card still open: still refused, naming the card only
    await t.database.db.updateTable('rating_work_orders').set({ status: 'closed', closed_at: t.clock.now.toISOString() }).where('case_id', '=', c.id).execute();
    expect((await fileCase(c.id)).json().title).toBe(`这件办件还有未办结的督办单（${cardNo}），办结后才能立卷归档。`);
    await t.database.db.updateTable('supervision_cards').set({ status: 'closed', closed_at: t.clock.now.toISOString() }).where('case_id', '=', c.id).execute();
    // once both are closed the next night files it, the card's entry made by the one who issued it
    t.clock.now = new Date('2026-07-11T02:30:00+08:00');
    expect(await archiveFinishedCasesJob.run(ctx(), t.clock.now)).toBe('自动归档 1 件');
    const row = await t.database.db.selectFrom('archive_dossiers').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    const dossier = dossierSchema.parse((await t.app.inject({ url: `/api/archive/dossiers/${row.id}`, headers: { cookie: clerk } })).json());
    expect(dossier.entries.find((e) => e.part === 'supervision' && e.title.startsWith(`督办单 ${cardNo}`))).toMatchObject({ byName: '孙正清' });
  });
  it('a case the village finished is filed by the township above it, under the township’s 档号', async () => {
    t.clock.now = new Date('2026-07-13T09:00:00+08:00');
    const registered = await register('ZH-002', all(['居民身份证', '户口簿或居住证']), { cookie: agent, channel: 'agent' });
    const done = await act(registered, 'complete', { outcome: 'approved' }, agent);
    await act(done, 'deliver', { method: 'agent' }, agent);
    const villageId = (await t.database.db.selectFrom('cases').select('holder_org_id').where('id', '=', done.id).executeTakeFirstOrThrow()).holder_org_id;
    expect(villageId).not.toBe(townshipId);

    const filed = await fileCase(done.id, director);
    expect(filed.statusCode, filed.body).toBe(201);
    const dossier = dossierSchema.parse(filed.json());
    expect(dossier).toMatchObject({ orgId: townshipId, orgName: '柳河镇便民服务中心' });
    expect(dossier.archiveNo).toMatch(/^410899101-2026-D\d+-\d{4}$/);
  });
});
