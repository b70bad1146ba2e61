/** Refusals of a field, the way every public form shows them: 400 with the field's path and a Chinese sentence. */
import { accountPhone } from '../../domain/people/applicant-account.js';
import { DomainError } from '../../domain/errors.js';

export const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, { errors: [{ path, message }] }, 400);

/** The account's phone as plain digits, or 400 on the phone field. */
export function checkedPhone(text: string): string {
  const phone = accountPhone(text);
  if (!phone.ok) throw invalid('phone', phone.error);
  return phone.value;
}
