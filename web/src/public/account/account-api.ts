/**
 * The requests of the account page (网上办事账号, issue 11 §2): verification codes, registering, signing in and out,
 * the signed-in account, password reset. The applicant's session travels in its own httpOnly cookie, never in
 * script. Answers have the server's declared shape (src/domain/people/applicant-contract.ts); no schema library
 * here, to stay small on old phones.
 */
import type { ApplicantSession, ApplicantView, CodeSent, PasswordRule } from '@domain/people/applicant-contract';
import { createApiClient, isApiError, type ApiFieldError } from '@shared/api-client';

export type { ApplicantSession, ApplicantView, CodeSent, PasswordRule };

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试；已填写的内容不会丢失。' });

/** A refusal as the form shows it: the server's Chinese title, the fields it names, and how long to wait. */
export interface Failure {
  status: number;
  code: string;
  title: string;
  errors: ApiFieldError[];
  retryAfterSeconds: number | null;
}

function failure(error: unknown): Failure {
  if (!isApiError(error)) return { status: 0, code: 'UNKNOWN', title: '系统暂时无法办理，请稍后再试。', errors: [], retryAfterSeconds: null };
  const wait = error.body.retryAfterSeconds;
  return { status: error.status, code: error.code, title: error.title, errors: error.errors, retryAfterSeconds: typeof wait === 'number' ? wait : null };
}

export type Answer<T> = { ok: true; value: T } | { ok: false; failure: Failure };

async function attempt<T>(work: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, failure: failure(error) };
  }
}

export const getPasswordRule = () => attempt(() => client.request<PasswordRule>('/public/applicants/password-rule', { quiet401: true }));

export const askCode = (phone: string, purpose: 'register' | 'reset') =>
  attempt(() => client.request<CodeSent>('/public/applicants/codes', { method: 'POST', body: { phone, purpose }, quiet401: true }));

export interface RegisterInput {
  phone: string;
  code: string;
  password: string;
  kind: 'person' | 'organization';
  name: string;
  idNumber?: string;
  creditCode?: string;
}

export const registerAccount = (input: RegisterInput, idempotencyKey: string) =>
  attempt(() => client.request<ApplicantSession>('/public/applicants', { method: 'POST', body: input, idempotencyKey, quiet401: true }));

export const signIn = (phone: string, password: string) =>
  attempt(() => client.request<ApplicantSession>('/public/session', { method: 'POST', body: { phone, password }, quiet401: true }));

export const resetPassword = (phone: string, code: string, password: string) =>
  attempt(() => client.request<ApplicantSession>('/public/applicants/password-reset', { method: 'POST', body: { phone, code, password }, quiet401: true }));

export const signOut = () => attempt(() => client.request<null>('/public/session', { method: 'DELETE', quiet401: true }));

/** The signed-in account, or null when nobody is signed in on this phone. */
export async function me(): Promise<Answer<ApplicantView | null>> {
  const answer = await attempt(() => client.request<ApplicantSession>('/public/me', { quiet401: true }));
  if (answer.ok) return { ok: true, value: answer.value.applicant };
  return answer.failure.status === 401 ? { ok: true, value: null } : answer;
}
