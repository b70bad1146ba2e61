import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoCatalog } from './demo-catalog.js';

// The design's demo catalog lives beside the repository (../shared); the software ships its own copy.
const shared = resolve(process.cwd(), '../shared/data/catalog.json');

describe.skipIf(!existsSync(shared))('the shipped demo catalog', () => {
  it('is the same as shared/data/catalog.json', () => {
    expect(loadDemoCatalog()).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });
});
