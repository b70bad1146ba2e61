import type { CaseStatus } from './model.js';

/**
 * Nothing can happen to a case in these statuses any more. Apart from model.ts, whose words the village agent's
 * phone page shares: what only the server and the console ask (the archive's 立卷) stays out of its 300 KB.
 */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['returned', 'withdrawn', 'delivered'];
export const isTerminal = (status: CaseStatus): boolean => TERMINAL_STATUSES.includes(status);
