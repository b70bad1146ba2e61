import { describe, expect, it } from 'vitest';
import { decideObjectionAnswer, decideRefusalReview, REFUSAL_ANSWER_EVENT, refusalReviewProblem } from '../../../src/domain/cases/refusal-review.js';
import { NOW, expectOk, stateIn } from './fixtures.js';

describe('refusal register review', () => {
  const returned = { status: 'returned' as const, outcome: null, reviewedAt: null };
  it('reviews returns and denials only, once', () => {
    expect(refusalReviewProblem(returned, { opinion: 'upheld' })).toBeNull();
    expect(refusalReviewProblem({ status: 'completed', outcome: 'denied', reviewedAt: null }, { opinion: 'upheld' })).toBeNull();
    expect(refusalReviewProblem({ status: 'completed', outcome: 'approved', reviewedAt: null }, { opinion: 'upheld' })?.code).toBe('NOT_A_REFUSAL');
    expect(refusalReviewProblem({ ...returned, reviewedAt: '2026-03-02T01:00:00Z' }, { opinion: 'upheld' })?.code).toBe('REFUSAL_ALREADY_REVIEWED');
  });
  it('a questioned refusal needs the director’s comment', () => {
    expect(refusalReviewProblem(returned, { opinion: 'questioned' })?.code).toBe('REVIEW_COMMENT_REQUIRED');
    expect(refusalReviewProblem(returned, { opinion: 'questioned', comment: '缺件应一次性告知补正，不应退回' })).toBeNull();
  });
});

describe('a step of the refusal register is a Decision like any other', () => {
  const none = { review: null, reviewedAt: null, answeredAt: null, objectedBy: null };
  it('the review changes the register only, and is recorded as an event; status, clock and place stay', () => {
    const state = stateIn('returned');
    const d = expectOk(decideRefusalReview(state, none, { opinion: 'questioned', comment: '应一次性告知' }, { now: NOW }));
    expect(d).toMatchObject({ from: 'returned', to: 'returned', clock: 'none', state, hops: [], register: { reviewedAt: NOW.toISOString(), review: 'questioned' } });
    expect(d.event).toEqual({ type: 'refusal-review', from: 'returned', to: 'returned', data: { opinion: 'questioned', comment: '应一次性告知' } });
    expect(decideRefusalReview(stateIn('completed'), none, { opinion: 'upheld' }, { now: NOW })).toMatchObject({ ok: false, code: 'NOT_A_REFUSAL' });
  });
  it('the answer closes the objection', () => {
    const questioned = { ...none, review: 'questioned' as const, reviewedAt: NOW.toISOString(), objectedBy: 'director' };
    const d = expectOk(decideObjectionAnswer(stateIn('returned'), questioned, { answer: ' 已联系申请人重新受理 ', by: 'clerk' }, { now: NOW }));
    expect(d.register).toEqual({ answeredAt: NOW.toISOString() });
    expect(d.event).toMatchObject({ type: REFUSAL_ANSWER_EVENT, data: { answer: '已联系申请人重新受理' } });
    expect(decideObjectionAnswer(stateIn('returned'), questioned, { answer: '好', by: 'director' }, { now: NOW })).toMatchObject({ ok: false, code: 'OWN_OBJECTION' });
  });
});
