import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateItem } from '../../../src/domain/catalog/item.js';
import { loadDemoCatalog, type DemoCatalog } from './demo-catalog.js';

// The design's demo catalog lives beside the repository (../shared); the software ships its own copy, to which
// it adds the 俗称 (aliases) people use for the items. Apart from them the two must be the same.
const shared = resolve(process.cwd(), '../shared/data/catalog.json');

// …and the 可告知承诺 marks of some materials (告知承诺, issue 11 §2), which the design's catalog does not carry
const withoutAliases = (catalog: DemoCatalog) => ({
  ...catalog,
  items: catalog.items.map(({ aliases: _aliases, ...item }) => ({
    ...item,
    materials: (item.materials as Record<string, unknown>[]).map(({ promisable: _promisable, ...m }) => m),
  })),
});

describe.skipIf(!existsSync(shared))('the shipped demo catalog', () => {
  const design = JSON.parse(readFileSync(shared, 'utf8')) as DemoCatalog;

  it('is shared/data/catalog.json plus the 俗称 of its items', () => {
    expect(withoutAliases(loadDemoCatalog())).toEqual(withoutAliases(design));
  });

  it('keeps every 俗称 the design gives an item', () => {
    const shipped = new Map(loadDemoCatalog().items.map((i) => [i.code, (i.aliases ?? []) as string[]]));
    for (const item of design.items) {
      for (const alias of (item.aliases ?? []) as string[]) expect(shipped.get(item.code)).toContain(alias);
    }
  });
});

describe('the 俗称 of the shipped demo catalog', () => {
  const items = loadDemoCatalog().items;

  it('pass the item rules', () => {
    for (const item of items) expect(validateItem(item), String(item.code)).toMatchObject({ ok: true });
  });

  it.each([
    ['MZ-003', '低保'],
    ['MZ-004', '五保'],
    ['YB-002', '新农合'],
    ['YB-002', '医保'],
    ['JS-002', '准生证'],
    ['MZ-006', '残疾证'],
    ['ZJ-001', '宅基地'],
    ['GA-005', '户口迁移'],
  ])('%s is called %s', (code, alias) => {
    expect(items.find((i) => i.code === code)?.aliases).toContain(alias);
  });
});
