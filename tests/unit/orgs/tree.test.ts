import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offeringProblem } from '../../../src/domain/catalog/offering.js';
import { childLevel, isAbove, subtreeIds, type OrgNode } from '../../../src/domain/orgs/tree.js';
import { hasPermission, PERMISSIONS, rolesProblem, ROLES } from '../../../src/domain/roles.js';

const tree: OrgNode[] = [
  { id: 'c', parentId: null, level: 'county' },
  { id: 't1', parentId: 'c', level: 'township' },
  { id: 't2', parentId: 'c', level: 'township' },
  { id: 'v11', parentId: 't1', level: 'village' },
  { id: 'v12', parentId: 't1', level: 'village' },
  { id: 'v21', parentId: 't2', level: 'village' },
];

describe('organisation tree', () => {
  it('a scope is the organisation and everything below it', () => {
    expect([...subtreeIds(tree, 'c')].sort()).toEqual(['c', 't1', 't2', 'v11', 'v12', 'v21']);
    expect([...subtreeIds(tree, 't1')].sort()).toEqual(['t1', 'v11', 'v12']);
    expect([...subtreeIds(tree, 'v21')]).toEqual(['v21']);
  });

  it('a scope never reaches sideways or upwards (any tree)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (parents) => {
        // node i's parent is some earlier node: always a tree
        const nodes: OrgNode[] = parents.map((p, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${p % i}`, level: 'village' }));
        for (const node of nodes) {
          const scope = subtreeIds(nodes, node.id);
          expect(scope.has(node.id)).toBe(true);
          for (const id of scope) {
            // walking up from every member reaches the root of the scope
            let cur: OrgNode | undefined = nodes.find((n) => n.id === id);
            while (cur && cur.id !== node.id) cur = nodes.find((n) => n.id === cur!.parentId);
            expect(cur?.id).toBe(node.id);
          }
        }
      }),
    );
  });

  it('levels go county → township → village and no further', () => {
    expect(childLevel(null)).toBe('county');
    expect(childLevel('county')).toBe('township');
    expect(childLevel('township')).toBe('village');
    expect(childLevel('village')).toBeNull();
    expect(isAbove('county', 'township')).toBe(true);
    expect(isAbove('village', 'township')).toBe(false);
    expect(isAbove('township', 'township')).toBe(false);
  });
});

describe('roles', () => {
  it('separates the three administrators (三员分立)', () => {
    expect(rolesProblem(['sysadmin'])).toBeNull();
    expect(rolesProblem(['director', 'leader'])).toBeNull();
    expect(rolesProblem(['sysadmin', 'secadmin'])).toContain('三员分立');
    expect(rolesProblem(['secadmin', 'auditor', 'clerk'])).toContain('三员分立');
    expect(rolesProblem([])).toContain('至少');
  });

  it('grants each permission exactly to the roles of its row', () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      for (const role of ROLES) {
        expect(hasPermission([role], permission as keyof typeof PERMISSIONS)).toBe((roles as readonly string[]).includes(role));
      }
    }
    expect(hasPermission(['clerk', 'director'], 'windows.manage')).toBe(true);
    expect(hasPermission(['clerk', 'agent'], 'catalog.manage')).toBe(false);
  });
});

describe('offering an item at a center', () => {
  const item = { code: 'MZ-009', name: '结婚登记', acceptLevels: ['county'] as const };
  it('only at the levels its guide allows', () => {
    expect(offeringProblem(item, 'county', '县')).toBeNull();
    expect(offeringProblem(item, 'township', '苏木')).toBe('事项“结婚登记”（MZ-009）的办事指南不允许在苏木级受理，不能设为本中心可办事项。');
  });
});
