/** Opinions on a case: a joint department's review, the director's review of a refusal. */

/** 联办部门审核意见 */
export const REVIEW_OPINION_NAMES: Record<'agree' | 'disagree', string> = { agree: '同意', disagree: '不同意' };

/** 否定报备审查: the director upholds the refusal or raises an objection the window must answer. */
export const REFUSAL_REVIEW_NAMES: Record<'upheld' | 'questioned', string> = { upheld: '同意退回', questioned: '有异议' };
