// 立卷归档 in the console: the director files a finished case from its page, reads the dossier's 归档登记信息 and
// 卷内目录, runs the integrity check, prints the 归档登记表, and sets an item's period in the 保管期限表 (kept after a
// reload); a clerk reads the dossiers and the table but cannot change it.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { filesOf } from '../../src/modules/files/index.js';
import { serverApi, type ServerApi } from './support/server-api.js';

const applicant = { name: '李秀英', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * An applicant's online application with its materials uploaded (the only files a dossier stores besides the
 * manifest), accepted at the window and withdrawn by the applicant: a finished case whose 卷内目录 has files.
 */
async function onlineCaseWithFiles(e: E2E, clerk: ServerApi): Promise<CaseJson> {
  const admin = await serverApi(e, 'admin');
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${e.serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.serverUrl, ...headers }, body: JSON.stringify(body) });
  const phone = '13922225555';
  expect((await post('/api/public/applicants/codes', { phone, purpose: 'register' })).status).toBe(202);
  const { messages } = await admin.call<{ messages: { template: string; text: string }[] }>('GET', `/api/notifications/outbox?phone=${phone}`);
  const code = /验证码(\d{6})/.exec(messages.find((m) => m.template === 'applicant-code')!.text)![1]!;
  const made = await post('/api/public/applicants', { phone, code, password: 'Liuhe#2026ok', kind: 'person', name: '赵桂兰', idNumber: '110105195803150041' }, { 'idempotency-key': 'e2e-archive-applicant' });
  expect(made.status).toBe(201);
  const cookie = made.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('bianmin_applicant='))!;
  const township = (await clerk.call<{ user: { orgId: string } }>('GET', '/api/auth/me')).user.orgId;
  const form = new FormData();
  for (const [k, v] of Object.entries({ itemCode: 'RS-006', orgId: township, description: '本人申请' })) form.append(k, v);
  for (let i = 0; i < 4; i++) form.append(`material-${i}`, new Blob([PDF]), `材料${i + 1}.pdf`);
  const applied = await fetch(`${e.serverUrl}/api/public/applications`, { method: 'POST', headers: { cookie, origin: e.serverUrl, 'idempotency-key': 'e2e-archive-application' }, body: form });
  expect(applied.status, await applied.clone().text()).toBe(201);
  const a = (await applied.json()) as { id: string; version: number };
  const { caseId } = await clerk.call<{ caseId: string }>('POST', `/api/applications/${a.id}/actions/accept`, { expectedVersion: a.version });
  let c = await clerk.call<CaseJson>('GET', `/api/cases/${caseId}`);
  // the county decides this item; the applicant withdrew it at the township (撤回: finished all the same)
  c = await clerk.call<CaseJson>('POST', `/api/cases/${c.id}/actions/withdraw`, { expectedVersion: c.version, reason: '申请人主动撤回申请' });
  expect(c.status).toBe('withdrawn');
  return c;
}

interface CaseJson {
  id: string;
  caseNo: string;
  version: number;
  status: string;
}

describe.skipIf(!hasChromium)('立卷归档: file a case, check, print, the 保管期限表 (Chromium)', () => {
  let e: E2E;
  let director: Page;
  let finished: CaseJson;
  let dossierUrl: string;
  let archiveNo: string;
  let uploaded: CaseJson;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' }); // a Monday inside the loaded calendar years
    const clerk = await serverApi(e, 'clerk');
    const act = (c: CaseJson, action: string, body: Record<string, unknown> = {}) =>
      clerk.call<CaseJson>('POST', `/api/cases/${c.id}/actions/${action}`, { expectedVersion: c.version, ...body });
    // a case finished at the window: registered, approved, the certificate handed over
    const c = await clerk.register<CaseJson>({
      channel: 'window',
      applicant,
      itemCode: 'MZ-002',
      materials: [
        { name: '居民身份证', provided: true },
        { name: '近期一寸免冠照片', provided: true },
      ],
    });
    const done = await act(c, 'complete', { outcome: 'approved', resultNo: '优待证 2026-031' });
    finished = done.status === 'delivered' ? done : await act(done, 'deliver', { method: 'window' });
    expect(finished.status).toBe('delivered');
    uploaded = await onlineCaseWithFiles(e, clerk);
    director = await signInToConsole(e, 'director');
    // the print dialog is the browser's: count the calls instead of opening one
    await director.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
  });
  afterAll(() => e?.close());

  it('before anything is filed, 档案管理 says how dossiers come about', async () => {
    await director.getByRole('menuitem', { name: '档案管理' }).click();
    await director.getByTestId('dossiers-table').getByText('办结满 30 天的办件每天夜间自动立卷归档，也可以在办件详情中立即立卷。', { exact: false }).waitFor();
    await e.shot(director, 'archive-empty');
  });

  it('the director files the finished case from its page and sees the dossier', async () => {
    await director.goto(`${e.baseUrl}/staff/cases/${finished.id}`);
    const box = director.getByTestId('case-archive');
    await box.getByText('本件已办结，尚未归档。', { exact: false }).waitFor();
    await box.getByTestId('file-dossier').click();
    const modal = director.locator('.ant-modal').filter({ hasText: '确定归档' });
    await modal.getByText(finished.caseNo, { exact: false }).waitFor();
    await e.shot(director, 'archive-file-confirm');
    await modal.getByRole('button', { name: /确定归档/ }).click();

    // the new dossier opens: its 档号 (机构代码-2026-D30-件号), figures and 卷内目录
    const no = director.getByTestId('dossier-no');
    await no.waitFor();
    archiveNo = (await no.textContent()) ?? '';
    expect(archiveNo).toMatch(/-2026-D30-\d{4}$/);
    dossierUrl = director.url();
    const register = director.getByTestId('dossier-register');
    const registerText = (await register.textContent()) ?? '';
    for (const part of [finished.caseNo, applicant.name, '30年', '2026年度', '立卷人']) expect(registerText).toContain(part);
    expect(await director.getByTestId('dossier-period').textContent()).toBe('30年');
    expect(Number(/\d+/.exec((await director.getByTestId('dossier-count').textContent()) ?? '')?.[0])).toBeGreaterThan(0);
    const entries = director.getByTestId('dossier-entries');
    await entries.locator('tbody tr.ant-table-row').first().waitFor();
    const entriesText = (await entries.textContent()) ?? '';
    expect(entriesText).toContain('申请');
    expect(entriesText).toContain('居民身份证');
    await director.getByTestId('dossier-check-tag').getByText('未检测').waitFor();
    await e.shot(director, 'archive-dossier');
  });

  it('runs the integrity check: 通过', async () => {
    await director.getByTestId('dossier-check').click();
    await director.getByTestId('check-result').getByText('完整性检测通过').waitFor();
    await director.getByTestId('dossier-check-tag').getByText('通过').waitFor();
    await e.shot(director, 'archive-dossier-checked');
  });

  it('prints the 归档登记表 on A4', async () => {
    await director.getByTestId('dossier-print').click();
    const sheet = director.getByTestId('register-sheet');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const part of ['归档登记表', archiveNo, finished.caseNo, applicant.name, '卷内目录', '居民身份证', '移交人（签字）', '接收人（签字）', '日期']) expect(text).toContain(part);
    await director.getByTestId('register-print').click();
    await expect.poll(() => director.evaluate<number>('window.__printed || 0')).toBe(1);
    await e.shot(director, 'archive-register-a4');
  });

  it('the case page links to its dossier; filing it again is refused in words', async () => {
    await director.goto(`${e.baseUrl}/staff/cases/${finished.id}`);
    const archived = director.getByTestId('case-archived');
    await archived.getByText(archiveNo).waitFor();
    expect(await director.getByTestId('file-dossier').count()).toBe(0);
    await e.shot(director, 'archive-case-linked');
    await archived.getByRole('link', { name: archiveNo }).click();
    await director.getByTestId('dossier-no').getByText(archiveNo).waitFor();
    expect(director.url()).toBe(dossierUrl);
    const api = await serverApi(e, 'director');
    await expect(api.call('POST', '/api/archive/dossiers', { caseId: finished.id }, { 'idempotency-key': 'e2e-archive-again' })).rejects.toThrow(/409 .*[\u4e00-\u9fa5]/);
  });

  it('a dossier of an online application lists its uploaded files, each one to download', async () => {
    const api = await serverApi(e, 'director');
    // the director asks to file it on the case page while it is filed elsewhere (another tab, a colleague)
    await director.goto(`${e.baseUrl}/staff/cases/${uploaded.id}`);
    await director.getByTestId('file-dossier').click();
    const d = await api.call<{ id: string; fileCount: number; archiveNo: string }>('POST', '/api/archive/dossiers', { caseId: uploaded.id });
    expect(d.fileCount).toBe(5); // four materials and the manifest
    await director.getByRole('button', { name: '确定归档' }).click();
    // no dead end: the dialog closes and the card shows the dossier that now exists
    await director.getByTestId('case-archived').getByText(d.archiveNo).waitFor();
    expect(await director.getByRole('button', { name: '确定归档' }).count()).toBe(0);
    await director.goto(`${e.baseUrl}/staff/archive/dossiers/${d.id}`);
    const links = director.getByTestId('dossier-entries').getByTestId('entry-file');
    await links.first().waitFor();
    expect(await links.count()).toBe(4);
    expect(await links.first().textContent()).toContain('材料1.pdf');
    // the links download with the session, as the browser sends it (bianmin.test resolves only inside Chromium)
    const fetchInPage = (href: string | null) =>
      director.evaluate(async (url) => {
        const res = await fetch(url ?? '');
        return { status: res.status, text: await res.text() };
      }, href);
    const file = await fetchInPage(await links.first().getAttribute('href'));
    expect(file).toEqual({ status: 200, text: PDF.toString() });
    const manifest = await fetchInPage(await director.getByTestId('dossier-manifest').getAttribute('href'));
    expect(manifest.status).toBe(200);
    expect(manifest.text).toContain('材料1.pdf');
    await e.shot(director, 'archive-dossier-files');

    // the stored materials lost (a disk restored from an old backup): the check says what no longer matches
    await filesOf(e.ctx).delete(createHash('sha256').update(PDF).digest('hex'));
    await director.getByTestId('dossier-check').click();
    const result = director.getByTestId('check-result');
    await result.getByText('完整性检测不一致').waitFor();
    expect(await result.getByTestId('check-problems').locator('li').count()).toBeGreaterThan(0);
    await director.getByTestId('dossier-check-tag').getByText('不一致').waitFor();
    await e.shot(director, 'archive-dossier-check-failed');
  });

  it('finds the dossier under 档案管理 by the applicant', async () => {
    await director.getByRole('menuitem', { name: '档案管理' }).click();
    const table = director.getByTestId('dossiers-table');
    await table.getByText(archiveNo).waitFor();
    await director.getByPlaceholder('档号、办件编号或申请人').fill(applicant.name);
    await director.getByRole('button', { name: /检\s*索/ }).click();
    await table.getByText(archiveNo).waitFor();
    const row = table.locator('tbody tr', { hasText: archiveNo });
    const rowText = (await row.textContent()) ?? '';
    for (const part of [finished.caseNo, applicant.name, '30年', '通过']) expect(rowText).toContain(part);
    await e.shot(director, 'archive-list');
    await director.getByPlaceholder('档号、办件编号或申请人').fill('没有这个人');
    await director.getByRole('button', { name: /检\s*索/ }).click();
    await table.getByText('没有符合条件的案卷', { exact: false }).waitFor();
  });

  it('the director sets an item to 永久 in the 保管期限表; it is kept after a reload', async () => {
    await director.goto(`${e.baseUrl}/staff/archive?tab=retention`);
    const table = director.getByTestId('retention-table');
    const row = table.locator('tbody tr', { hasText: 'MZ-002' });
    await row.waitFor();
    await row.locator('.ant-select').click();
    await director.locator('.ant-select-dropdown:visible .ant-select-item-option[title="永久"]').click();
    await director.getByText('保管期限设为永久', { exact: false }).waitFor();
    // the row says who set it; 默认 is gone
    await expect.poll(() => row.textContent()).toMatch(/永久.*李春梅/);
    await director.reload();
    const again = director.getByTestId('retention-table').locator('tbody tr', { hasText: 'MZ-002' });
    await again.waitFor();
    await expect.poll(() => again.textContent()).toMatch(/永久.*李春梅/);
    expect(await again.textContent()).not.toContain('默认');
    await e.shot(director, 'archive-retention-director');
  });

  it('a clerk reads the dossiers and the 保管期限表 but cannot change it', async () => {
    const clerk = await signInToConsole(e, 'clerk');
    await clerk.getByRole('menuitem', { name: '档案管理' }).click();
    await clerk.getByTestId('dossiers-table').getByText(archiveNo).waitFor();
    await clerk.getByRole('tab', { name: '保管期限表' }).click();
    const table = clerk.getByTestId('retention-table');
    await table.locator('tbody tr', { hasText: 'MZ-002' }).getByText('永久', { exact: true }).waitFor();
    expect(await table.locator('.ant-select').count()).toBe(0);
    await table.getByText('默认 30年', { exact: false }).first().waitFor();
    await e.shot(clerk, 'archive-retention-clerk');
    const api = await serverApi(e, 'clerk');
    await expect(api.call('PUT', '/api/archive/retention/MZ-002', { period: '10y' })).rejects.toThrow(/403/);
  });
});
