import { describe, expect, it } from 'vitest';
import { refusalReviewProblem } from '../../../src/domain/cases/refusal-review.js';

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
