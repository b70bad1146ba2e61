// 否定报备 of an online application (DOMAIN.md rule 2): only a return at pre-review is in the register; the director
// reviews it once, an objection needs a comment, and the window — not the objector — answers it once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../../src/domain/applications/application.js';
import { decideApplicationObjectionAnswer, decideApplicationRefusalReview, type ApplicationRegister } from '../../../src/domain/applications/refusal-review.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const returned: ApplicationRegister = { status: 'returned', review: null, reviewedAt: null, reviewedBy: null, answeredAt: null };
const questioned: ApplicationRegister = { ...returned, review: 'questioned', reviewedAt: '2026-03-02T01:00:00.000Z', reviewedBy: 'director-1' };

describe('decideApplicationRefusalReview', () => {
  it('only a returned application is a refusal to review', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATUSES), fc.constantFrom('upheld' as const, 'questioned' as const), (status, opinion) => {
        const d = decideApplicationRefusalReview({ ...returned, status }, { opinion, comment: '应一次性告知' }, { now: NOW, by: 'director-1' });
        expect(d.ok).toBe(status === 'returned');
        if (!d.ok) expect(d.code).toBe('NOT_A_REFUSAL');
      }),
    );
  });

  it('records the opinion, when and by whom; an objection needs a comment; once only', () => {
    expect(decideApplicationRefusalReview(returned, { opinion: 'upheld', comment: '  ' }, { now: NOW, by: 'director-1' })).toEqual({
      ok: true,
      review: { review: 'upheld', reviewedAt: NOW.toISOString(), reviewedBy: 'director-1', comment: null },
    });
    expect(decideApplicationRefusalReview(returned, { opinion: 'questioned' }, { now: NOW, by: 'director-1' })).toMatchObject({ ok: false, code: 'REVIEW_COMMENT_REQUIRED' });
    expect(decideApplicationRefusalReview(questioned, { opinion: 'upheld' }, { now: NOW, by: 'director-1' })).toMatchObject({ ok: false, code: 'REFUSAL_ALREADY_REVIEWED' });
  });
});

describe('decideApplicationObjectionAnswer', () => {
  it('the window answers an objection once; not the objector; only an objection has an answer', () => {
    expect(decideApplicationObjectionAnswer(questioned, { answer: ' 已联系申请人重新申请 ' }, { now: NOW, by: 'clerk-1' })).toEqual({
      ok: true,
      answer: { answer: '已联系申请人重新申请', answeredAt: NOW.toISOString(), answeredBy: 'clerk-1' },
    });
    expect(decideApplicationObjectionAnswer(questioned, { answer: '已纠正' }, { now: NOW, by: 'director-1' })).toMatchObject({ ok: false, code: 'OWN_OBJECTION' });
    expect(decideApplicationObjectionAnswer({ ...questioned, answeredAt: NOW.toISOString() }, { answer: '再答' }, { now: NOW, by: 'clerk-1' })).toMatchObject({ code: 'OBJECTION_ALREADY_ANSWERED' });
    expect(decideApplicationObjectionAnswer({ ...questioned, review: 'upheld' }, { answer: '无' }, { now: NOW, by: 'clerk-1' })).toMatchObject({ code: 'NO_OBJECTION' });
    expect(decideApplicationObjectionAnswer(questioned, { answer: ' ' }, { now: NOW, by: 'clerk-1' })).toMatchObject({ code: 'ANSWER_REQUIRED' });
  });
});
