/** The domain's refusals as errors the API answers, and the retry when two applications took one number at once. */
import type { ApplicationDecision } from '../../domain/applications/application.js';
import { DomainError } from '../../domain/errors.js';
import { uniqueViolationTable } from '../../db/portable.js';

export const refusal = (d: Extract<ApplicationDecision, { ok: false }>) => new DomainError(d.code, d.message, undefined, d.status);

/** Retries when another application took the day's number at the same moment (the unique index refused it). */
export async function withNumberRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || uniqueViolationTable(error) === null) throw error;
    }
  }
}
