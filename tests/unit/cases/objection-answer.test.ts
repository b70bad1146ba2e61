import { describe, expect, it } from 'vitest';
import { objectionAnswerProblem } from '../../../src/domain/cases/refusal-review.js';

describe('objectionAnswerProblem (the window answers the director\'s 有异议)', () => {
  it('answers a questioned refusal once, with words', () => {
    expect(objectionAnswerProblem({ review: 'questioned', answeredAt: null }, { answer: '已联系申请人重新受理' })).toBeNull();
    expect(objectionAnswerProblem({ review: 'questioned', answeredAt: null }, { answer: '  ' })?.code).toBe('ANSWER_REQUIRED');
    expect(objectionAnswerProblem({ review: 'questioned', answeredAt: '2026-03-06T02:00:00.000Z' }, { answer: '再答' })?.code).toBe('OBJECTION_ALREADY_ANSWERED');
  });

  it('has nothing to answer when the director upheld the refusal or has not reviewed it', () => {
    expect(objectionAnswerProblem({ review: 'upheld', answeredAt: null }, { answer: '无' })?.code).toBe('NO_OBJECTION');
    expect(objectionAnswerProblem({ review: null, answeredAt: null }, { answer: '无' })?.code).toBe('NO_OBJECTION');
  });

  it('is answered by the window, not by the director who raised it', () => {
    const c = { review: 'questioned' as const, answeredAt: null, objectedBy: 'director-1' };
    expect(objectionAnswerProblem(c, { answer: '已纠正', by: 'director-1' })?.code).toBe('OWN_OBJECTION');
    expect(objectionAnswerProblem(c, { answer: '已纠正', by: 'clerk-1' })).toBeNull();
  });
});
