// 督办单 in the console (issue 9 §3): the supervisor issues an orange card from a case page, the township director
// finds it under 督办单 and answers it (回告), the supervisor closes it (销号) and prints the A4 card.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };

describe.skipIf(!hasChromium)('督办单: issue, answer, close, print (Chromium)', () => {
  let e: E2E;
  let supervisor: Page;
  let caseId: string;
  let caseNo: string;
  let cardUrl: string;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' }); // a Monday inside the loaded calendar years
    const clerk = await serverApi(e, 'clerk');
    ({ id: caseId, caseNo } = await clerk.register<{ id: string; caseNo: string }>({
      channel: 'window',
      applicant,
      itemCode: 'MZ-002',
      materials: [
        { name: '居民身份证', provided: true },
        { name: '近期一寸免冠照片', provided: true },
      ],
    }));
    supervisor = await e.newPage();
    await supervisor.goto(`${e.baseUrl}/staff/`);
    await supervisor.getByPlaceholder('请输入用户名').fill('supervisor');
    await supervisor.getByPlaceholder('请输入密码').fill('bianmin2026');
    await supervisor.getByRole('button', { name: /登\s*录/ }).click();
    await supervisor.getByTestId('role-duty').waitFor();
    await supervisor.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
  });
  afterAll(() => e?.close());

  it('the supervisor issues an orange card from the case page', async () => {
    await supervisor.goto(`${e.baseUrl}/staff/cases/${caseId}`);
    const box = supervisor.getByTestId('subject-cards');
    await box.getByText('本件没有督办单。').waitFor();
    await box.getByTestId('issue-card').click();
    const modal = supervisor.locator('.ant-modal').filter({ hasText: '发出督办单' });
    await modal.waitFor();
    // the center holding the case is proposed, orange is the default colour, and its reply date (3 working days)
    await modal.getByText('柳河镇便民服务中心').waitFor();
    await expect.poll(() => modal.getByLabel('回告期限').inputValue()).toBe('2026-03-05');
    await modal.getByLabel('督办内容').fill('该件群众反映办理缓慢，请查明原因、加快办理，并书面回告。');
    await e.shot(supervisor, 'card-issue-form');
    await modal.getByRole('button', { name: /发\s*出/ }).click();
    // the new card opens
    await supervisor.getByTestId('card-no').getByText('督〔2026〕1号').waitFor();
    expect(await supervisor.getByTestId('card-overview').getByTestId('card-level').textContent()).toBe('橙色预警');
    expect(await supervisor.getByTestId('card-status').first().textContent()).toBe('待回告');
    expect(await supervisor.getByTestId('card-overview').textContent()).toContain(caseNo);
    cardUrl = supervisor.url();
    await e.shot(supervisor, 'card-issued');
  });

  it('the director finds it under 督办单 and answers it', async () => {
    const director = await signInToConsole(e, 'director');
    await director.getByRole('menuitem', { name: '督办单' }).click();
    await director.getByTestId('cards-open').getByText('待回告 1 份').waitFor();
    await e.shot(director, 'card-director-list');
    await director.getByTestId('card-link').getByText('督〔2026〕1号').click();
    // the answer form is open at once: it is the only thing the director does here
    await director.getByTestId('card-step-text').fill('经查，该件因申请人身份信息核验延误，已于今日办结，并已对窗口人员提醒谈话。');
    await director.getByTestId('card-step-submit').click();
    await director.getByTestId('card-status').getByText('已回告，待销号').waitFor();
    expect(await director.getByTestId('card-reply').textContent()).toContain('已于今日办结');
    expect(await director.getByTestId('card-steps').count()).toBe(0); // nothing more for the director to do
    await e.shot(director, 'card-replied');
  });

  it('the supervisor closes it and prints the A4 card', async () => {
    await supervisor.goto(cardUrl);
    await supervisor.getByTestId('card-reply').waitFor();
    await supervisor.getByTestId('card-action-close').click();
    await supervisor.getByTestId('card-step-text').fill('原因清楚，整改到位，予以销号。');
    await supervisor.getByTestId('card-step-submit').click();
    await supervisor.getByTestId('card-status').getByText('已销号').waitFor();
    const history = supervisor.getByTestId('card-history');
    for (const step of ['发出督办', '回告', '销号']) await history.getByText(step, { exact: true }).waitFor();
    await e.shot(supervisor, 'card-closed');

    await supervisor.getByTestId('card-print-link').click();
    const sheet = supervisor.getByTestId('card-sheet');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const part of ['清河县便民服务电子监察', '橙色督办单', '督〔2026〕1号', '柳河镇便民服务中心', caseNo, '2026年3月5日前', '已于今日办结', '予以销号', '纪检监察员（签字）', '主任（签字）']) {
      expect(text).toContain(part);
    }
    await supervisor.getByTestId('card-print').click();
    await expect.poll(() => supervisor.evaluate<number>('window.__printed || 0')).toBe(1);
    await e.shot(supervisor, 'card-print-a4');
    // the print is on record
    const api = await serverApi(e, 'supervisor');
    const id = cardUrl.split('/').at(-1)!;
    const card = await api.call<{ prints: unknown[] }>('GET', `/api/supervision/cards/${id}`);
    expect(card.prints).toHaveLength(1);
  });
});
