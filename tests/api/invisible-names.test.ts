// Issue 7 §8 follow-up: the names a search matches and every screen shows — an item's 俗称 and the deployment's level
// names — refuse invisible and control characters like every other name (src/domain/text.ts), with a Chinese message
// that says where they come from and what to do; through the item form, both import formats and the settings.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoCatalog from '../../src/modules/demo/catalog.json' with { type: 'json' };
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const INVISIBLE = { 零宽空格: '低\u200b保', 右至左覆盖: '低保\u202e户', 控制字符: '低\u0007保', 制表符: '低\t保', 隔离符: '低\u2066保' };
const ALIAS_REFUSED = /俗称第2项：俗称中有看不见的字符或控制字符（多为从网页、聊天软件复制时带入），请删除后重新输入俗称。/;
const mz003 = () => structuredClone(demoCatalog.items.find((i) => i.code === 'MZ-003')!);

describe.each(DIALECTS)('no invisible characters in 俗称 and level names (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const aliasesOf = async (code: string) => (await t.app.inject({ url: `/api/items/${code}` })).json().aliases as string[];
  const upload = async (name: string, content: Buffer) => {
    const body = multipart({ name, content }, { dryRun: 'false' });
    const res = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie: admin, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { refused: number; rows: { code: string; outcome: string; errors: string[] }[] };
  };

  it('the item form: a new item and an edit are refused, nothing stored', async () => {
    const current = (await t.app.inject({ url: '/api/items/MZ-003' })).json() as { version: number };
    for (const [what, alias] of Object.entries(INVISIBLE)) {
      const created = await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: admin }, payload: { ...mz003(), code: 'MZ-798', aliases: ['低保', alias] } });
      expect(created.statusCode, what).toBe(422);
      expect(created.json().title, what).toMatch(ALIAS_REFUSED);
      const edited = await t.app.inject({
        method: 'PUT',
        url: '/api/items/MZ-003',
        headers: { cookie: admin },
        payload: { ...mz003(), aliases: ['低保户', alias], expectedVersion: current.version },
      });
      expect(edited.statusCode, what).toBe(422);
      expect(edited.json().title, what).toMatch(ALIAS_REFUSED);
    }
    expect((await t.app.inject({ url: '/api/items/MZ-798' })).statusCode).toBe(404);
    expect(await aliasesOf('MZ-003')).toEqual(['低保', '低保户']);
  });

  it('imports: the row is refused with the message, in JSON and in Excel; the item keeps its 俗称', async () => {
    const json = await upload('catalog.json', Buffer.from(JSON.stringify({ items: [{ ...mz003(), aliases: ['低保', INVISIBLE.零宽空格] }] })));
    expect(json.refused).toBe(1);
    expect(json.rows[0]!.errors.join('\n')).toMatch(ALIAS_REFUSED);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.app.inject({ url: '/api/catalog/export.xlsx' })).rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.eachRow((row) => {
      if (row.getCell(header.indexOf('事项编码')).value === 'MZ-003') row.getCell(header.indexOf('俗称')).value = `低保、${INVISIBLE.右至左覆盖}`;
    });
    const xlsx = await upload('事项目录.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const row = xlsx.rows.find((r) => r.code === 'MZ-003')!;
    expect(row.outcome).toBe('refused');
    expect(row.errors.join('\n')).toMatch(ALIAS_REFUSED);
    expect(await aliasesOf('MZ-003')).toEqual(['低保', '低保户']);
  });

  it('level names: refused with the level named, the stored names unchanged; ordinary names pass', async () => {
    const before = (await t.app.inject({ url: '/api/settings/level-names' })).json();
    for (const [what, bad] of Object.entries({ 零宽空格: '嘎\u200b查', 右至左覆盖: '嘎查\u202e', 换行: '嘎\n查', 控制字符: '嘎\u0007查' })) {
      const res = await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: admin }, payload: { county: '旗', township: '苏木', village: bad } });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().title, what).toMatch(/村级名称中有看不见的字符或控制字符（多为从网页、聊天软件复制时带入），请删除后重新输入村级名称。/);
    }
    const empty = await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: admin }, payload: { county: ' ', township: '苏木', village: '嘎查' } });
    expect(empty.json().title).toMatch(/请填写县级名称/);
    const long = await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: admin }, payload: { county: '旗', township: '苏木苏木苏木苏木苏木苏木', village: '嘎查' } });
    expect(long.json().title).toMatch(/乡镇级名称不能超过 10 个字/);
    expect((await t.app.inject({ url: '/api/settings/level-names' })).json()).toEqual(before);

    const ok = await t.app.inject({ method: 'PUT', url: '/api/settings/level-names', headers: { cookie: admin }, payload: { county: ' 旗 ', township: '苏木（镇）', village: '嘎查·村' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ url: '/api/settings/level-names' })).json()).toEqual({ county: '旗', township: '苏木（镇）', village: '嘎查·村' });
  });
});
