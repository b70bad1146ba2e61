/** The decision that closes a case. */
import type { Outcome } from '../cases/model.js';

export const OUTCOME_NAMES: Record<Outcome, string> = { approved: '准予办理', denied: '不予批准' };

