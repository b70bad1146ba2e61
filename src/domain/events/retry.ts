/**
 * When a failed event consumer is tried again (ARCHITECTURE.md "Events and the outbox"): exponential backoff,
 * 5 s after the first failure, doubling each time, never more than an hour apart, so a consumer whose target is
 * down (an SMS gateway, a broken row) neither hammers it nor is forgotten. Pure: the caller passes "now".
 */
export const RETRY_FIRST_MS = 5_000;
export const RETRY_MAX_MS = 3_600_000;

/** The wait after `failures` failures in a row (1 = the first failure). */
export function retryDelayMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < 1) return 0;
  // 2^20 × 5 s is far past the cap already: stop doubling before the number grows without bound
  const doublings = Math.min(Math.floor(failures) - 1, 20);
  return Math.min(RETRY_FIRST_MS * 2 ** doublings, RETRY_MAX_MS);
}

/** The instant a consumer that has now failed `failures` times in a row is tried again. */
export const retryAt = (failures: number, now: Date): Date => new Date(now.getTime() + retryDelayMs(failures));

/** Whether a consumer may run at `now`: healthy (no retry time) or its wait is over. */
export const isDue = (retryAtIso: string | null, now: Date): boolean => retryAtIso === null || retryAtIso <= now.toISOString();
