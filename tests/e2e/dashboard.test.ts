// Issue 9 §4 in the real console: the director's home shows a case that turned red (the light sweep, pushed live),
// its red count opens the ledger listing that case; the supervisor drills down from the county to the township
// and its windows and opens the ledger from a number, then a center's open violations and late 督办单 from the tree
// (the answer to the card lowers the count live); the clerk sees their own red case before the work list.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSweepJob } from '../../src/modules/supervision/sweep-job.js';
import { lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const applicant = { name: '钱秋菊', idNumber: '11010519491231002X', phone: '13800004321' };
const provided = (names: string[]) => names.map((name) => ({ name, provided: true }));

describe.skipIf(!hasChromium)('the dashboards in Chromium', () => {
  let e: E2E;
  let red: { id: string; caseNo: string };
  let townshipId = '';
  beforeAll(async () => {
    // Monday afternoon inside the loaded calendar years
    e = await startE2E({ startAt: '2026-03-02T16:50:00+08:00' });
    const clerk = await serverApi(e, 'clerk');
    // a 即办件 registered before closing time and never finished: red once the office closes at 17:30
    red = await clerk.register({ itemCode: 'MZ-002', channel: 'window', applicant, materials: provided(['居民身份证', '近期一寸免冠照片']) });
    await clerk.register({
      itemCode: 'MZ-001',
      channel: 'window',
      applicant,
      materials: provided(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']),
    });
    const orgs = await (await serverApi(e, 'director')).call<{ orgs: { id: string; level: string }[] }>('GET', '/api/orgs');
    townshipId = orgs.orgs.find((o) => o.level === 'township')!.id;
    // past closing time: the light sweep will turn the 即办件 red
    e.setTime('2026-03-02T17:31:00+08:00');
  });
  afterAll(() => e?.close());

  it('the director\'s home shows the red case, and its red count opens the ledger listing it', async () => {
    const page = await signInToConsole(e, 'director');
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const board = page.getByTestId('director-dashboard');
    await board.waitFor();
    // the sweep runs (as its job would each minute) while the page is open: its change arrives live, with no reload
    expect(await runJobOnce(e.ctx, lightSweepJob)).toBe(true);
    await page.getByTestId('director-red-count').getByText('1', { exact: true }).waitFor();
    await board.getByTestId('director-red-list').getByRole('link', { name: red.caseNo }).waitFor();
    await page.getByTestId('today-numbers').locator('canvas').first().waitFor();
    await e.shot(page, 'dashboard-director-home');

    await page.getByTestId('director-red-count').click();
    await page.getByRole('heading', { name: '办件台账' }).waitFor();
    expect(new URL(page.url()).searchParams.get('light')).toBe('red');
    await page.locator('.ant-table-row:visible', { hasText: red.caseNo }).waitFor();
    await page.getByText('共 1 件').waitFor();
    expect(await page.locator('.ant-table-row:visible').count()).toBe(1);
    await e.shot(page, 'dashboard-director-red-ledger');
  });

  it('the supervisor drills down from the county to the township and its windows, and a number opens the ledger', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill('supervisor');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const board = page.getByTestId('supervisor-dashboard');
    await board.waitFor();
    await page.getByTestId(`center-${townshipId}-red`).getByText('1', { exact: true }).waitFor();
    await board.locator('canvas').nth(1).waitFor();
    await e.shot(page, 'dashboard-supervisor-county');

    await page.getByTestId(`drill-${townshipId}`).click();
    await page.locator('.ant-breadcrumb').getByText('柳河镇').waitFor();
    expect(new URL(page.url()).searchParams.get('orgId')).toBe(townshipId);
    const windows = page.getByTestId('supervision-windows');
    await windows.locator('.ant-table-row').first().waitFor();
    // the township's own row now heads the tree, its villages below it
    await page.getByTestId('supervision-tree').getByText('柳河镇便民服务中心').waitFor();
    await board.locator('canvas').nth(1).waitFor();
    await e.shot(page, 'dashboard-supervisor-township');

    // a window's red number: the ledger of that center and window, with that one case
    const windowRed = windows.locator('a[data-testid$="-red"]').first();
    await windowRed.click();
    await page.getByRole('heading', { name: '办件台账' }).waitFor();
    const search = new URL(page.url()).searchParams;
    expect([search.get('orgId'), search.get('light')]).toEqual([townshipId, 'red']);
    expect(search.get('windowId')).toBeTruthy();
    await page.getByTestId('ledger-drill-note').getByText(/柳河镇便民服务中心（含下级）/).waitFor();
    await page.locator('.ant-table-row:visible', { hasText: red.caseNo }).waitFor();
    expect(await page.locator('.ant-table-row:visible').count()).toBe(1);
    await e.shot(page, 'dashboard-supervisor-window-ledger');

    // back up to the county from the breadcrumb
    await page.goBack();
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '清河县' }).click();
    await page.getByTestId(`drill-${townshipId}`).waitFor();
    expect(new URL(page.url()).searchParams.get('orgId')).toBeNull();
  });

  it('the clerk sees their own red case before the full work list', async () => {
    const page = await signInToConsole(e, 'clerk');
    const card = page.getByTestId('clerk-dashboard');
    await page.getByTestId('clerk-mine-red').getByText('1', { exact: true }).waitFor();
    await card.getByRole('link', { name: red.caseNo }).waitFor();
    await e.shot(page, 'dashboard-clerk-work');
    await page.getByTestId('clerk-mine-red').click();
    await page.getByRole('heading', { name: '办件台账' }).waitFor();
    await page.getByTestId('ledger-drill-note').getByText(/我的窗口/).waitFor();
    await page.locator('.ant-table-row:visible', { hasText: red.caseNo }).waitFor();
  });

  it('the supervisor opens a center\'s open violations and its late cards from the tree; an answer lowers the count live', async () => {
    // an orange card to the township due Tuesday, never answered
    const card = await (await serverApi(e, 'supervisor')).call<{ id: string; cardNo: string; version: number }>(
      'POST',
      '/api/supervision/cards',
      { orgId: townshipId, level: 'orange', content: '红灯办件请说明原因并加快办理。', replyBy: '2026-03-03' },
      { 'idempotency-key': randomUUID() },
    );
    // Thursday morning: the reply date has passed, and the sweep has recorded the unfinished 即办件
    e.setTime('2026-03-05T09:00:00+08:00');
    expect(await runJobOnce(e.ctx, lightSweepJob)).toBe(true);
    expect(await runJobOnce(e.ctx, supervisionSweepJob)).toBe(true);
    await drainAll(e.ctx);
    const api = await serverApi(e, 'supervisor');
    const board = await api.call<{ centers: { orgId: string; supervision: { openViolations: number; lateCards: number; byRule: { ruleCode: string; number: string; count: number }[] } }[] }>('GET', '/api/dashboard/supervisor');
    const township = board.centers.find((c) => c.orgId === townshipId)!.supervision;
    expect(township.openViolations).toBeGreaterThan(0);
    expect(township.lateCards).toBe(1);

    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill('supervisor');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const violations = page.getByTestId(`center-${townshipId}-violations`);
    await violations.getByText(String(township.openViolations), { exact: true }).waitFor();
    // the rules beside it, each with its count
    const rule = township.byRule[0]!;
    await page.getByTestId(`center-${townshipId}-violations-${rule.ruleCode}`).getByText(`${rule.number}×${rule.count}`).waitFor();
    await page.getByTestId(`center-${townshipId}-late-cards`).getByText('1', { exact: true }).waitFor();
    await e.shot(page, 'dashboard-supervisor-violations-cards');

    // the open violations: the 监察记录 of the township and its villages not decided yet, as many as counted
    await violations.click();
    await page.getByRole('heading', { name: '监察记录' }).waitFor();
    const search = new URL(page.url()).searchParams;
    expect([search.get('orgId'), search.get('below'), search.get('status')]).toEqual([townshipId, 'true', 'undecided']);
    await page.getByTestId('violations-center').getByText(/柳河镇便民服务中心（含下级）/).waitFor();
    await page.getByText(`共 ${township.openViolations} 条`).waitFor();
    expect(await page.locator('.ant-table-row:visible').count()).toBe(Math.min(township.openViolations, 20));
    await e.shot(page, 'dashboard-supervisor-open-violations');

    // the late cards: the 督办单 list of the township and below, only the late ones — that one card
    await page.goBack();
    await page.getByTestId(`center-${townshipId}-late-cards`).click();
    await page.getByRole('heading', { name: '督办单' }).waitFor();
    const cards = new URL(page.url()).searchParams;
    expect([cards.get('orgId'), cards.get('below'), cards.get('late')]).toEqual([townshipId, 'true', 'true']);
    await page.locator('.ant-table-row:visible', { hasText: card.cardNo }).waitFor();
    expect(await page.locator('.ant-table-row:visible').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: '只看逾期未回告' }).isChecked()).toBe(true);
    await e.shot(page, 'dashboard-supervisor-late-cards');

    // back on the tree, the director answers: the late count drops with no reload
    await page.goBack();
    await page.getByTestId(`center-${townshipId}-late-cards`).getByText('1', { exact: true }).waitFor();
    await (await serverApi(e, 'director')).call('POST', `/api/supervision/cards/${card.id}/reply`, { content: '已督促窗口办结，并对经办人批评教育。', expectedVersion: card.version });
    await page.locator(`span[data-testid="center-${townshipId}-late-cards"]`).getByText('0', { exact: true }).waitFor();
    await page.locator(`span[data-testid="center-${townshipId}-open-cards"]`).waitFor();
    await e.shot(page, 'dashboard-supervisor-card-answered-live');

    // the director's home: the tile's number opens the same list
    const director = await signInToConsole(e, 'director');
    await director.getByRole('menuitem', { name: '工作台' }).click();
    await director.getByTestId('director-open-violations').getByText(String(township.openViolations), { exact: true }).waitFor();
    await e.shot(director, 'dashboard-director-supervision-tile');
    await director.getByTestId('director-open-violations').click();
    await director.getByRole('heading', { name: '监察记录' }).waitFor();
    await director.getByText(`共 ${township.openViolations} 条`).waitFor();
  });
});
