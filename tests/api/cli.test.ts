import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-cli-'));

/** The command line as an administrator runs it (`npm run cli -- …`), on a fresh SQLite database. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('command line for a real deployment', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first administrator with the county, and refuses a second one with the same name', async () => {
    const first = await cli('create-admin', '--username', 'zhangsan', '--name', '张三', '--org-code', '410899', '--org-name', '清河县');
    expect(first.code).toBe(0);
    expect(first.out).toContain('已创建系统管理员 zhangsan（清河县政务服务中心）');
    expect(first.out).toMatch(/初始密码：Bm-/);
    const again = await cli('create-admin', '--username', 'zhangsan', '--name', '张三', '--org-code', '410899');
    expect(again.code).toBe(1);
    expect(again.out).toContain('已存在');
  }, 60_000);

  it('imports a catalog file and reports each row; a dry run writes nothing', async () => {
    const file = join(dataDir, 'catalog.json');
    const catalog = (await import('../../src/modules/demo/catalog.json', { with: { type: 'json' } })).default;
    writeFileSync(file, JSON.stringify({ items: [catalog.items[0], { ...catalog.items[1], code: '坏编码' }] }));
    const dry = await cli('import-catalog', file, '--dry-run');
    expect(dry.out).toContain('预检完成：接受 1 条，拒绝 1 条');
    expect(dry.out).toMatch(/第 2 行.*拒绝——.*编码/);
    expect(dry.code).toBe(2);
    const real = await cli('import-catalog', file);
    expect(real.out).toContain(`第 1 行 ${catalog.items[0]!.code}`);
    expect(real.out).toContain('新增');
    const again = await cli('import-catalog', file);
    expect(again.out).toContain('无变化');
  }, 60_000);

  it('imports a new year of the calendar and explains a bad file', async () => {
    const good = join(dataDir, '2027.json');
    writeFileSync(good, JSON.stringify({ year: 2027, source: '测试通知', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }] }));
    const ok = await cli('import-calendar', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已导入 2027 年节假日安排（测试通知），共 3 个调整日');
    const bad = join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ year: 2027, source: 'x', holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-01' }] }));
    const refused = await cli('import-calendar', bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('年度节假日安排文件有');
  }, 60_000);
});
