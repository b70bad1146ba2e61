import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actingHolder, samePersonProblem, unmannedWindows, windowsWorkedBy, type WindowPosts } from '../../../src/domain/staff/ab-post.js';

const a = (away = false) => ({ userId: 'a', name: '王晓燕', away });
const b = (away = false) => ({ userId: 'b', name: '张磊', away });

describe('AB posts', () => {
  it('A works the window while present; B takes over when A is away', () => {
    expect(actingHolder({ postA: a(), postB: b() })).toEqual({ userId: 'a', name: '王晓燕', post: 'A' });
    expect(actingHolder({ postA: a(true), postB: b() })).toEqual({ userId: 'b', name: '张磊', post: 'B' });
  });

  it('a window with nobody present, or nobody assigned, is unmanned', () => {
    expect(actingHolder({ postA: a(true), postB: b(true) })).toBeNull();
    expect(actingHolder({ postA: null, postB: null })).toBeNull();
    expect(actingHolder({ postA: null, postB: b() })?.post).toBe('B');
  });

  it('the director is told of staffed windows with everyone away, not of windows nobody was assigned to', () => {
    const windows = [
      { id: 'both-away', postA: a(true), postB: b(true) },
      { id: 'a-only-away', postA: a(true), postB: null },
      { id: 'b-covers', postA: a(true), postB: b() },
      { id: 'not-set-up', postA: null, postB: null },
    ];
    expect(unmannedWindows(windows).map((w) => w.id)).toEqual(['both-away', 'a-only-away']);
  });

  it('every window is worked by at most one person, who is present and assigned to it', () => {
    const holder = fc.option(fc.record({ userId: fc.constantFrom('a', 'b', 'c'), name: fc.constant('某'), away: fc.boolean() }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.uuid(), postA: holder, postB: holder })), (windows) => {
        for (const w of windows) {
          const acting = actingHolder(w as WindowPosts);
          if (acting) {
            const post = acting.post === 'A' ? w.postA : w.postB;
            expect(post?.userId).toBe(acting.userId);
            expect(post?.away).toBe(false);
          }
        }
        const worked = ['a', 'b', 'c'].flatMap((u) => windowsWorkedBy(windows, u));
        expect(new Set(worked).size).toBe(worked.length);
      }),
    );
  });

  it('A and B are two different people', () => {
    expect(samePersonProblem('a', 'a')).toContain('两名不同');
    expect(samePersonProblem('a', 'b')).toBeNull();
    expect(samePersonProblem(null, null)).toBeNull();
  });
});
