// The public site's 办事指南 (issue 11 §1): where an item can be done — the centers and village rooms offering it at a
// level its guide allows, with address, public phone, office hours and the receiving window — and nothing about
// the people there. No session needed. The search (dbsq) and the FAQ the guide shows are public too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemPlacesSchema } from '../../src/domain/contract/item-places.js';
import { publicFaqSchema } from '../../src/domain/consultations/contract.js';
import { itemListSchema } from '../../src/domain/contract/catalog.js';
import { DIALECTS, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('公开办事指南：办理地点 (%s)', (dialect) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const places = async (code: string) => {
    const res = await get(`/api/public/items/${code}/places`);
    expect(res.statusCode, res.body).toBe(200);
    return itemPlacesSchema.parse(res.json());
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lists the county, the townships and their villages that offer 低保, with address, hours, phone and window', async () => {
    const answer = await places('MZ-003');
    expect(answer).toMatchObject({ itemCode: 'MZ-003', itemName: '城乡居民最低生活保障' });
    const db = t.database.db;
    const offered = await db.selectFrom('org_items').innerJoin('items', 'items.id', 'org_items.item_id').select('org_items.org_id').where('items.code', '=', 'MZ-003').execute();
    expect(answer.places.map((p) => p.orgId).sort()).toEqual(offered.map((o) => o.org_id).sort());
    // county first, then each township followed by its own villages
    expect(answer.places[0]).toMatchObject({ level: 'county', levelName: '县', centerName: '清河县政务服务中心', window: '民政窗口', parentName: null });
    const town = answer.places.findIndex((p) => p.centerName === '柳河镇便民服务中心');
    expect(answer.places[town]).toMatchObject({ level: 'township', window: '民政窗口', address: expect.stringContaining('柳河镇'), hoursText: '08:30–12:00、14:30–17:30' });
    expect(answer.places[town]!.officeHours?.sessions).toHaveLength(2);
    const village = answer.places.find((p) => p.centerName === '柳河村便民服务室')!;
    expect(village).toMatchObject({ level: 'village', levelName: '村', parentName: '柳河镇便民服务中心' });
    for (const [i, p] of answer.places.entries()) {
      if (p.level !== 'village') continue;
      const owner = answer.places.slice(0, i).reverse().find((q) => q.level === 'township');
      expect(owner?.centerName, `${p.centerName} 应排在所属乡镇之后`).toBe(p.parentName);
    }
  });

  it('publishes the centers’ facts only: no staff names, no personal phones', async () => {
    const res = await get('/api/public/items/MZ-003/places');
    const users = await t.database.db.selectFrom('users').select(['name', 'phone']).execute();
    for (const u of users) {
      expect(res.body).not.toContain(`"${u.name}"`);
      if (u.phone) expect(res.body).not.toContain(u.phone);
    }
    for (const p of itemPlacesSchema.parse(res.json()).places) {
      expect(Object.keys(p).sort()).toEqual(['address', 'centerName', 'hoursText', 'level', 'levelName', 'officeDay', 'officeHours', 'orgId', 'parentName', 'phone', 'window']);
    }
  });

  it('a level the guide no longer accepts, a closed window and a retired item are no door', async () => {
    const db = t.database.db;
    const item = await db.selectFrom('items').selectAll().where('code', '=', 'MZ-003').executeTakeFirstOrThrow();
    const before = await places('MZ-003');
    expect(before.places.some((p) => p.level === 'village')).toBe(true);
    // the guide now says villages cannot receive it: the old offerings stay in the data but are not listed
    await db.updateTable('items').set({ accept_levels: JSON.stringify(['township', 'county']) }).where('id', '=', item.id).execute();
    const after = await places('MZ-003');
    expect(after.places.some((p) => p.level === 'village')).toBe(false);
    expect(after.places).toHaveLength(before.places.filter((p) => p.level !== 'village').length);
    await db.updateTable('items').set({ accept_levels: item.accept_levels }).where('id', '=', item.id).execute();

    // the county's 民政窗口 closed: the county is still listed, without a window to name
    const county = before.places[0]!;
    const window = await db.selectFrom('windows').selectAll().where('org_id', '=', county.orgId).where('name', '=', '民政窗口').executeTakeFirstOrThrow();
    await db.updateTable('windows').set({ active: 0 }).where('id', '=', window.id).execute();
    expect((await places('MZ-003')).places[0]).toMatchObject({ orgId: county.orgId, window: null });
    await db.updateTable('windows').set({ active: 1 }).where('id', '=', window.id).execute();

    await db.updateTable('items').set({ status: 'retired' }).where('id', '=', item.id).execute();
    const retired = await get('/api/public/items/MZ-003/places');
    expect(retired.statusCode).toBe(404);
    expect(retired.headers['content-type']).toContain('application/problem+json');
    expect(retired.json().title).toContain('MZ-003');
    await db.updateTable('items').set({ status: 'active' }).where('id', '=', item.id).execute();
    expect((await get('/api/public/items/NOPE-1/places')).statusCode).toBe(404);
  });

  it('an item nobody offers answers an empty list, not an error', async () => {
    const item = await t.database.db.selectFrom('items').select(['id', 'code']).where('code', '=', 'MZ-002').executeTakeFirstOrThrow();
    const rows = await t.database.db.selectFrom('org_items').selectAll().where('item_id', '=', item.id).execute();
    await t.database.db.deleteFrom('org_items').where('item_id', '=', item.id).execute();
    expect((await places('MZ-002')).places).toEqual([]);
    if (rows.length > 0) await t.database.db.insertInto('org_items').values(rows).execute();
    expect((await places('MZ-002')).places.length).toBe(rows.length);
  });

  it('the site’s other reads need no session: dbsq finds 低保 first, the categories, an item’s FAQ', async () => {
    const found = itemListSchema.parse((await get(`/api/items?q=${encodeURIComponent('dbsq')}`)).json());
    expect(found.items[0]).toMatchObject({ code: 'MZ-003', name: '城乡居民最低生活保障' });
    const facets = (await get('/api/catalog/facets')).json() as { categories: string[] };
    expect(facets.categories).toContain('社会救助');
    const byCategory = itemListSchema.parse((await get(`/api/items?category=${encodeURIComponent('社会救助')}`)).json());
    expect(byCategory.items.map((i) => i.code)).toContain('MZ-003');
    const faq = publicFaqSchema.parse((await get('/api/public/items/MZ-002/faq')).json());
    expect(faq.entries.length).toBeGreaterThan(0);
  });
});
