/**
 * A rule of the domain said no. `code` is stable (clients and tests match on it, API.md lists some);
 * `message` is Chinese and tells a clerk what to do next. Routes turn it into problem+json (422 by default).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly status: number = 422,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
