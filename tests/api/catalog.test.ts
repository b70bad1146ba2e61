import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoCatalog from '../../src/modules/demo/catalog.json' with { type: 'json' };
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
    const village = await items('?level=village');
    expect(village.length).toBe(11);
    expect(village.every((i) => i.level === 'village')).toBe(true);
    const huji = await items(`?category=${encodeURIComponent('户籍')}`);
    expect(huji.length).toBe(5);
    const facets = (await t.app.inject({ url: '/api/catalog/facets' })).json();
    expect(facets.categories).toContain('社会救助');
    expect(facets.departments.length).toBeGreaterThan(5);
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
    expect((await items('?q=dbsq')).length).toBe(0);

    expect((await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: clerk }, payload: newItem() })).statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: admin }, payload: newItem() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'MZ-101', version: 1, status: 'active' });
    expect((await items('?q=dbsq')).map((i) => i.name)).toEqual(['低保申请']);
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
    expect((await items('?q=dbsq')).length).toBe(0);
    expect((await items('?q=dbsq&status=all')).map((i) => i.status)).toEqual(['retired']);
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
