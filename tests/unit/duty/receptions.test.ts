// 领导接待 follow-up (issue 12 §5): the leader who received the visitor, or the director, may change a reception; no one else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayChangeReception } from '../../../src/domain/duty/receptions.js';
import { ROLES } from '../../../src/domain/roles.js';

describe('mayChangeReception', () => {
  it('the receiving leader and the director may; another leader may not', () => {
    expect(mayChangeReception({ userId: 'u1', roles: ['leader'] }, { leaderUserId: 'u1' })).toBe(true);
    expect(mayChangeReception({ userId: 'u2', roles: ['director'] }, { leaderUserId: 'u1' })).toBe(true);
    expect(mayChangeReception({ userId: 'u3', roles: ['leader'] }, { leaderUserId: 'u1' })).toBe(false);
  });

  it('property: allowed exactly for the receiver or a director', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES]), fc.boolean(), (roles, own) => {
        const allowed = mayChangeReception({ userId: 'me', roles }, { leaderUserId: own ? 'me' : 'other' });
        expect(allowed).toBe(own || roles.includes('director'));
      }),
    );
  });
});
