/** The domain's refusals of an application step as the errors the API answers. */
import type { ApplicationDecision } from '../../domain/applications/application.js';
import { DomainError } from '../../domain/errors.js';

export const refusal = (d: Extract<ApplicationDecision, { ok: false }>) => new DomainError(d.code, d.message, undefined, d.status);
