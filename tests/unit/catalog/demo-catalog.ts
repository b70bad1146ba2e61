import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The demo catalog the software ships and loads (a copy of shared/data/catalog.json, checked in
 * demo-catalog.test.ts), so the tests run from any fresh clone.
 */
export function demoCatalogPath(): string {
  return fileURLToPath(new URL('../../../src/modules/demo/catalog.json', import.meta.url));
}

export interface DemoCatalog {
  version: unknown;
  levels: unknown;
  items: Record<string, unknown>[];
}

export function loadDemoCatalog(): DemoCatalog {
  return JSON.parse(readFileSync(demoCatalogPath(), 'utf8')) as DemoCatalog;
}

/** A fresh deep copy of the demo item with this code. */
export function demoItem(code: string): Record<string, unknown> {
  const item = loadDemoCatalog().items.find((i) => i.code === code);
  if (!item) throw new Error(`no demo item ${code}`);
  return structuredClone(item);
}
