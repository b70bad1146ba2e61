import { describe, expect, it } from 'vitest';
import { windowsCoveredBy, windowsWorkedBy } from '../../../src/domain/staff/ab-post.js';

const person = (userId: string, away = false) => ({ userId, name: userId, away });

describe('windowsCoveredBy (what B does for A)', () => {
  const windows = [
    { id: 'w1', postA: person('a', true), postB: person('b') },
    { id: 'w2', postA: person('a', true), postB: person('c') },
    { id: 'w3', postA: person('b'), postB: person('a') },
    { id: 'w4', postA: person('d'), postB: person('b') },
    { id: 'w5', postA: null, postB: person('b') },
  ];

  it('lists the B posts whose A is away (or missing), never the own A posts', () => {
    expect(windowsCoveredBy(windows, 'b')).toEqual(['w1', 'w5']);
    expect(windowsCoveredBy(windows, 'c')).toEqual(['w2']);
    expect(windowsCoveredBy(windows, 'd')).toEqual([]);
  });

  it('is the part of the windows worked now that the person works as B', () => {
    for (const user of ['a', 'b', 'c', 'd']) {
      const covered = windowsCoveredBy(windows, user);
      expect(windowsWorkedBy(windows, user)).toEqual(expect.arrayContaining(covered));
    }
  });

  it('covers nothing while the backup is away too: the window is unmanned', () => {
    expect(windowsCoveredBy([{ id: 'w1', postA: person('a', true), postB: person('b', true) }], 'b')).toEqual([]);
  });
});
