import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoCatalog from '../../src/modules/demo/catalog.json' with { type: 'json' };
import * as migration0010 from '../../src/db/migrations/0010-item-aliases.js';
import { searchText } from '../../src/domain/catalog/search.js';
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

type Item = Record<string, unknown> & { code: string; name: string; version: number; status: string };
const CATALOG_KEYS = Object.keys(demoCatalog.items[0]!);

const newItem = (over: Record<string, unknown> = {}) => ({
  ...structuredClone(demoCatalog.items.find((i) => i.code === 'MZ-001')!),
  code: 'MZ-101',
  name: '低保申请',
  ...over,
});

describe.each(DIALECTS)('service catalog (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signIn(t.app, 'admin');
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  const items = async (query = '') => (await t.app.inject({ url: `/api/items${query}` })).json().items as Item[];

  it('publishes the demo catalog without a session, every item with every key of catalog.json', async () => {
    const list = await items();
    expect(list).toHaveLength(56);
    for (const item of list) expect(Object.keys(item)).toEqual(expect.arrayContaining([...CATALOG_KEYS, 'id', 'specialSteps']));
    const mz003 = (await t.app.inject({ url: '/api/items/MZ-003' })).json();
    const source = demoCatalog.items.find((i) => i.code === 'MZ-003')!;
    for (const key of CATALOG_KEYS) expect(mz003[key]).toEqual(source[key as keyof typeof source]);
    // its procedure names 公示: the import added the special step the demo catalog lacks
    expect(mz003.specialSteps).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'publicity' })]));
    expect((await t.app.inject({ url: '/api/items/XX-999' })).statusCode).toBe(404);
  });

  it('finds items by any part of the name, by code and by pinyin initials, and filters', async () => {
    expect((await items('?q=最低生活')).map((i) => i.code)).toEqual(['MZ-003']);
    expect((await items('?q=zdshbz')).map((i) => i.code)).toEqual(['MZ-003']);
    expect((await items('?q=mz003')).map((i) => i.code)[0]).toBe('MZ-003');
    expect((await items('?q=MZ-003')).map((i) => i.code)[0]).toBe('MZ-003');
    expect((await items('?q=100%25')).length).toBe(0); // LIKE wildcards in the query are taken literally
    expect((await items('?q=_')).length).toBe(56); // punctuation alone is no query
    const village = await items('?level=village');
    expect(village.length).toBe(11);
    expect(village.every((i) => i.level === 'village')).toBe(true);
    const huji = await items(`?category=${encodeURIComponent('户籍')}`);
    expect(huji.length).toBe(5);
    const facets = (await t.app.inject({ url: '/api/catalog/facets' })).json();
    expect(facets.categories).toContain('社会救助');
    expect(facets.departments.length).toBeGreaterThan(5);
  });

  it('finds an item by the names people use (俗称), their characters and pinyin', async () => {
    const first = async (q: string) => (await items(`?q=${encodeURIComponent(q)}`))[0]?.code;
    for (const q of ['dbsq', '低保', 'dibao', 'db', '低保申请', '申请低保']) expect(await first(q), q).toBe('MZ-003');
    expect(await first('五保')).toBe('MZ-004');
    expect(await first('新农合')).toBe('YB-002');
    expect(await first('准生证')).toBe('JS-002');
    expect(await first('hkqy')).toBe('GA-005');
    expect((await items('?q=dbxq')).map((i) => i.code)).not.toContain('MZ-003');
    // filters still apply to what the 俗称 finds
    expect(await items(`?q=${encodeURIComponent('低保')}&level=village`)).toEqual([]);

    // every item carries its 俗称 and the pinyin of its name and 俗称, for the agent app to match offline
    const mz003 = (await items('?q=MZ-003'))[0]!;
    expect(mz003.aliases).toEqual(['低保', '低保户']);
    expect(mz003.pinyin).toEqual([
      { full: 'chengxiangjuminzuidishenghuobaozhang', initials: 'cxjmzdshbz' },
      { full: 'dibao', initials: 'db' },
      { full: 'dibaohu', initials: 'dbh' },
    ]);
    expect((await t.app.inject({ url: '/api/items/MZ-003' })).json().aliases).toEqual(['低保', '低保户']);
  });

  it('a 俗称 added in the console is found at once; history keeps the change', async () => {
    const current = (await t.app.inject({ url: '/api/items/ZH-002' })).json();
    const { id: _i, status: _s, retiredReason: _r, version, updatedAt: _u, ...item } = current;
    expect((await items(`?q=${encodeURIComponent('开证明')}`)).map((i) => i.code)).not.toContain('ZH-002');
    const bad = await t.app.inject({
      method: 'PUT', url: '/api/items/ZH-002', headers: { cookie: admin },
      payload: { ...item, aliases: ['开证明', '开证明'], expectedVersion: version },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().title).toContain('俗称重复：开证明');
    const saved = await t.app.inject({
      method: 'PUT', url: '/api/items/ZH-002', headers: { cookie: admin },
      payload: { ...item, aliases: [...item.aliases, '开证明'], expectedVersion: version },
    });
    expect(saved.statusCode).toBe(200);
    expect((await items(`?q=${encodeURIComponent('开证明')}`))[0]?.code).toBe('ZH-002');
    expect((await items('?q=kzm'))[0]?.code).toBe('ZH-002');
    const history = (await t.app.inject({ url: '/api/items/ZH-002/history', headers: { cookie: clerk } })).json().history;
    expect(history[0].snapshot.aliases).toContain('开证明');
    expect(history[1].snapshot.aliases).not.toContain('开证明');
  });

  it('creates an item with every field checked, and dbsq then finds 低保申请', async () => {
    const bad = await t.app.inject({
      method: 'POST', url: '/api/items', headers: { cookie: admin },
      payload: newItem({ kind: 'promised', promisedDays: 30, legalDays: 20, materials: [] }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('ITEM_INVALID');
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(2);
    expect(bad.json().title).toMatch(/承诺|法定/);
    expect((await items('?q=dbsq')).map((i) => i.code)[0]).toBe('MZ-003');

    expect((await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: clerk }, payload: newItem() })).statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: admin }, payload: newItem() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'MZ-101', version: 1, status: 'active' });
    // its own name is what was typed: before 城乡居民最低生活保障, found through its 俗称 低保 and the word 申请
    expect((await items('?q=dbsq')).map((i) => i.code).slice(0, 2)).toEqual(['MZ-101', 'MZ-003']);
    expect((await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: admin }, payload: newItem() })).statusCode).toBe(409);
  });

  it('edits under a version, refuses a stale one, retires without deleting, and keeps every version', async () => {
    const current = (await t.app.inject({ url: '/api/items/MZ-101' })).json();
    const edited = await t.app.inject({
      method: 'PUT', url: '/api/items/MZ-101', headers: { cookie: admin },
      payload: { ...newItem({ conditions: '本乡镇户籍、家庭人均收入低于当地低保标准的居民。' }), expectedVersion: current.version },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await t.app.inject({
      method: 'PUT', url: '/api/items/MZ-101', headers: { cookie: admin },
      payload: { ...newItem({ conditions: '会被覆盖的修改' }), expectedVersion: current.version },
    });
    expect(stale.statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/items/MZ-101' })).json().conditions).toContain('低保标准');

    const retired = await t.app.inject({
      method: 'POST', url: '/api/items/MZ-101/retire', headers: { cookie: admin },
      payload: { expectedVersion: 2, reason: '事项已并入城乡居民最低生活保障' },
    });
    expect(retired.statusCode).toBe(200);
    expect((await items('?q=dbsq')).map((i) => i.code)).not.toContain('MZ-101');
    expect((await items('?q=dbsq&status=all')).find((i) => i.code === 'MZ-101')?.status).toBe('retired');
    const history = (await t.app.inject({ url: '/api/items/MZ-101/history', headers: { cookie: clerk } })).json().history;
    expect(history.map((h: { version: number; action: string }) => [h.version, h.action])).toEqual([
      [3, 'retired'],
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(history[2].snapshot.conditions).not.toContain('低保标准');
  });

  it('imports a JSON catalog: a dry run writes nothing, the import reports created, updated, unchanged and refused rows', async () => {
    const file = {
      items: [
        demoCatalog.items[0],
        { ...demoCatalog.items[1], result: '户口登记完成，户口簿加页' },
        newItem({ code: 'ZH-101', name: '新增证明事项' }),
        newItem({ code: 'ZH-102', name: '', materials: [] }),
      ],
    };
    const upload = (dryRun: boolean, cookie = admin) => {
      const body = multipart({ name: '目录.json', content: Buffer.from(JSON.stringify(file)) }, { dryRun: String(dryRun) });
      return t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie, ...body.headers }, payload: body.payload });
    };
    const dry = await upload(true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, accepted: 3, refused: 1 });
    expect((await t.app.inject({ url: '/api/items/ZH-101' })).statusCode).toBe(404);

    const real = (await upload(false)).json();
    expect(real.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'updated', 'created', 'refused']);
    expect(real.rows[3].row).toBe(4);
    expect(real.rows[3].errors.join('；')).toMatch(/名称|材料/);
    expect((await t.app.inject({ url: '/api/items/ZH-101' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/items/${demoCatalog.items[1]!.code}` })).json().result).toBe('户口登记完成，户口簿加页');

    expect((await upload(false, clerk)).statusCode).toBe(403);
  });

  it('exporting and importing the same file changes nothing, special steps written in Chinese included', async () => {
    const before = (await t.app.inject({ url: '/api/items/MZ-003' })).json();
    expect(before.specialSteps).toEqual([expect.objectContaining({ name: '公示', kind: 'publicity' })]);
    const exported = await t.app.inject({ url: '/api/catalog/export.xlsx' });
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    let steps = '';
    sheet.eachRow((row) => {
      if (row.getCell(header.indexOf('事项编码')).value === 'MZ-003') steps = String(row.getCell(header.indexOf('特殊环节')).value);
    });
    expect(steps).toBe(`公示｜公示｜${before.specialSteps[0].limitDays}｜${before.specialSteps[0].countsTowardLegal ? '计入' : '不计入'}`);
    const body = multipart({ name: '事项目录.xlsx', content: exported.rawPayload }, { dryRun: 'false' });
    const res = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie: admin, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { rows: { code: string; outcome: string; errors?: string[] }[] };
    expect(report.rows.filter((r) => r.outcome !== 'unchanged')).toEqual([]);
    expect(report.rows.length).toBe(sheet.rowCount - 1);
    expect((await t.app.inject({ url: '/api/items/MZ-003' })).json()).toEqual(before);
  });

  it('exports the catalog to Excel and imports the edited sheet back, refusing bad rows with their row numbers', async () => {
    const exported = await t.app.inject({ url: '/api/catalog/export.xlsx' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const nameCol = header.indexOf('事项名称');
    const resultCol = header.indexOf('办理结果');
    expect(nameCol).toBeGreaterThan(0);
    sheet.getRow(2).getCell(resultCol).value = '（Excel 修改）结果当场告知';
    sheet.getRow(3).getCell(nameCol).value = '';
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const body = multipart({ name: '事项目录.xlsx', content }, { dryRun: 'false' });
    const res = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie: admin, ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.refused).toBe(1);
    expect(report.rows.find((r: { outcome: string }) => r.outcome === 'refused').row).toBe(3);
    expect(report.rows.filter((r: { outcome: string }) => r.outcome === 'updated')).toHaveLength(1);
    const firstCode = String(sheet.getRow(2).getCell(header.indexOf('事项编码')).value);
    expect((await t.app.inject({ url: `/api/items/${firstCode}` })).json().result).toBe('（Excel 修改）结果当场告知');

    const template = await t.app.inject({ url: '/api/catalog/template.xlsx' });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain('attachment');

    const wrongType = multipart({ name: 'catalog.csv', content: Buffer.from('a,b') });
    const refused = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie: admin, ...wrongType.headers }, payload: wrongType.payload });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('IMPORT_FILE_TYPE');
  });

  it('round-trips the 俗称 column: edited in Excel, imported, searched; files without 俗称 keep them', async () => {
    const upload = async (name: string, content: Buffer) => {
      const body = multipart({ name, content }, { dryRun: 'false' });
      const res = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie: admin, ...body.headers }, payload: body.payload });
      expect(res.statusCode).toBe(200);
      return res.json() as { refused: number; rows: { code: string; outcome: string }[] };
    };
    const updated = (report: { rows: { code: string; outcome: string }[] }) => report.rows.filter((r) => r.outcome === 'updated').map((r) => r.code);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.app.inject({ url: '/api/catalog/export.xlsx' })).rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const aliasCol = header.indexOf('俗称');
    expect(aliasCol).toBe(header.indexOf('事项名称') + 1);
    let mz003 = 0;
    sheet.eachRow((row, r) => {
      if (row.getCell(header.indexOf('事项编码')).value === 'MZ-003') mz003 = r;
    });
    expect(sheet.getRow(mz003).getCell(aliasCol).value).toBe('低保、低保户');
    sheet.getRow(mz003).getCell(aliasCol).value = '低保、低保户、吃低保';
    const report = await upload('事项目录.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(report.refused).toBe(0);
    expect(updated(report)).toEqual(['MZ-003']);
    expect((await items(`?q=${encodeURIComponent('吃低保')}`))[0]?.code).toBe('MZ-003');
    expect((await items('?q=cdb'))[0]?.code).toBe('MZ-003');

    // the province's catalog has no 俗称: importing it (JSON, or a sheet without the column) keeps the center's
    const { aliases: _a, ...official } = demoCatalog.items.find((i) => i.code === 'MZ-003')!;
    const json = await upload('catalog.json', Buffer.from(JSON.stringify({ items: [{ ...official, result: '（省目录）最低生活保障金按月发放' }] })));
    expect(updated(json)).toEqual(['MZ-003']);
    const after = (await t.app.inject({ url: '/api/items/MZ-003' })).json();
    expect(after.result).toBe('（省目录）最低生活保障金按月发放');
    expect(after.aliases).toEqual(['低保', '低保户', '吃低保']);
    sheet.spliceColumns(aliasCol, 1);
    const noColumn = await upload('事项目录.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(noColumn.refused).toBe(0);
    expect(updated(noColumn)).toEqual(['MZ-003']); // only the result, back to the sheet's
    expect((await t.app.inject({ url: '/api/items/MZ-003' })).json().aliases).toEqual(['低保', '低保户', '吃低保']);

    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await t.app.inject({ url: '/api/catalog/template.xlsx' })).rawPayload as unknown as ArrayBuffer);
    const templateHeader = (template.worksheets[0]!.getRow(1).values as unknown[]).map(String);
    expect(templateHeader).toContain('俗称');
    expect(template.worksheets[0]!.getRow(1).getCell(templateHeader.indexOf('俗称')).note).toBeTruthy();
  });

  it('records which centers offer which items, within the levels each item may be received at', async () => {
    const director = await signIn(t.app, 'director');
    const orgs = (await t.app.inject({ url: '/api/orgs', headers: { cookie: director } })).json().orgs as { id: string; level: string }[];
    const township = orgs.find((o) => o.level === 'township')!;
    const offered = (await t.app.inject({ url: `/api/orgs/${township.id}/items`, headers: { cookie: clerk } })).json().itemCodes as string[];
    expect(offered).toContain('MZ-001');
    expect(offered).not.toContain('MZ-009'); // marriage registration: county only

    const refused = await t.app.inject({
      method: 'PUT', url: `/api/orgs/${township.id}/items`, headers: { cookie: director },
      payload: { itemCodes: [...offered, 'MZ-009'] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().title).toContain('结婚登记');
    const fewer = await t.app.inject({
      method: 'PUT', url: `/api/orgs/${township.id}/items`, headers: { cookie: director },
      payload: { itemCodes: offered.filter((c) => c !== 'MZ-001') },
    });
    expect(fewer.statusCode).toBe(200);
    expect(fewer.json().itemCodes).not.toContain('MZ-001');
    expect((await t.app.inject({ method: 'PUT', url: `/api/orgs/${township.id}/items`, headers: { cookie: clerk }, payload: { itemCodes: [] } })).statusCode).toBe(403);
  });
});

describe.each(DIALECTS)('migration 0010: 俗称 (%s)', (dialect) => {
  it('adds the column empty and rewrites every stored search text in the new form', async () => {
    const t = await startTestApp(dialect);
    try {
      const { db } = t.database;
      // as 0001–0005 stored it: code and the name's pinyin only
      await db.updateTable('items').set({ search_text: 'mz-003 mz003 chengxiangjuminzuidishenghuobaozhang cxjmzdshbz' }).where('code', '=', 'MZ-003').execute();
      await migration0010.down(db as never);
      await migration0010.up(db as never);
      const row = await db.selectFrom('items').select(['aliases', 'search_text']).where('code', '=', 'MZ-003').executeTakeFirstOrThrow();
      expect(row.aliases).toBe('[]');
      expect(row.search_text).toBe(searchText({ code: 'MZ-003', name: '城乡居民最低生活保障' }));
      const found = (await t.app.inject({ url: `/api/items?q=${encodeURIComponent('最低 生活')}` })).json().items;
      expect(found.map((i: Item) => i.code)).toEqual(['MZ-003']);
    } finally {
      await t.close();
    }
  });
});

describe('service catalog uploads', () => {
  it('answers a broken upload with a clear 400 and writes nothing', async () => {
    const t = await startTestApp('sqlite');
    try {
      const admin = await signIn(t.app, 'admin');
      const body = multipart({ name: '目录.json', content: Buffer.from('{"items": []}') });
      const cut = body.payload.subarray(0, body.payload.length - 30);
      const res = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie: admin, ...body.headers }, payload: cut });
      expect(res.statusCode).toBe(400);
      expect(res.json().title).toContain('重新选择文件上传');
    } finally {
      await t.close();
    }
  });
});
