import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderPlaces, type PlaceCandidate } from '../../../src/domain/catalog/places.js';
import { ORG_LEVELS } from '../../../src/domain/orgs/tree.js';

const county: PlaceCandidate = { orgId: 'c', parentId: null, level: 'county', code: '4108' };
const town = (n: number): PlaceCandidate => ({ orgId: `t${n}`, parentId: 'c', level: 'township', code: `41080${n}` });
const village = (t: number, n: number): PlaceCandidate => ({ orgId: `v${t}${n}`, parentId: `t${t}`, level: 'village', code: `41080${t}00${n}` });

describe('where an item can be done (办理地点)', () => {
  it('lists the county, then each township followed by its own villages', () => {
    const all = [village(2, 1), town(2), village(1, 2), county, town(1), village(1, 1)];
    expect(orderPlaces(all, ['county', 'township', 'village']).map((p) => p.orgId)).toEqual(['c', 't1', 'v11', 'v12', 't2', 'v21']);
  });

  it('leaves out the levels the guide does not accept', () => {
    const all = [village(1, 1), town(1), county];
    expect(orderPlaces(all, ['township']).map((p) => p.orgId)).toEqual(['t1']);
    expect(orderPlaces(all, [])).toEqual([]);
  });

  it('keeps exactly the accepted candidates, in an order that does not depend on the input order', () => {
    const candidate = fc.record({
      orgId: fc.uuid(),
      parentId: fc.option(fc.constantFrom('t1', 't2', 'c'), { nil: null }),
      level: fc.constantFrom(...ORG_LEVELS),
      code: fc.constantFrom('4108', '410801', '410802', '41080100'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.orgId, maxLength: 12 }), fc.subarray([...ORG_LEVELS]), (list, levels) => {
        const ordered = orderPlaces(list, levels);
        expect(ordered.map((p) => p.orgId).sort()).toEqual(list.filter((c) => levels.includes(c.level)).map((c) => c.orgId).sort());
        expect(orderPlaces([...list].reverse(), levels).map((p) => p.orgId)).toEqual(ordered.map((p) => p.orgId));
        // the county (if any) comes first
        const firstOther = ordered.findIndex((p) => p.level !== 'county');
        if (firstOther >= 0) expect(ordered.slice(firstOther).every((p) => p.level !== 'county')).toBe(true);
      }),
    );
  });
});
