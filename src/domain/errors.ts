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

/**
 * The title of a refusal of several field errors: each message, then what to do — unless every message already says
 * it ("请选择要办理的业务"), when "请修改后重新提交" would only repeat it.
 */
export function validationTitle(messages: readonly string[]): string {
  const said = messages.map((m) => m.replace(/[。；.;\s]+$/u, ''));
  const advised = said.length > 0 && said.every((m) => m.includes('请'));
  return `提交的信息有误：${said.join('；')}。${advised ? '' : '请修改后重新提交。'}`;
}

/** A refusal of invalid input (400) from the issues of a zod parse done by hand (a body chosen by the action). */
export function validationFailed(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DomainError {
  const errors = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new DomainError('VALIDATION_FAILED', validationTitle(errors.map((e) => e.message)), { errors }, 400);
}
