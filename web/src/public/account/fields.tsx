import type { ReactNode } from 'react';
import type { Failure } from './account-api';

/** The red line under a field, tied to it for screen readers. */
export function FieldProblem({ field, problems }: { field: string; problems: Record<string, string> }) {
  return problems[field] ? (
    <p className="field-problem" id={`${field}-problem`}>
      {problems[field]}
    </p>
  ) : null;
}

/** The whole form's problem, read out at once. */
export function FormProblem({ children }: { children: ReactNode }) {
  return children ? (
    <p className="problem" role="alert">
      {children}
    </p>
  ) : null;
}

/** The server's per-field refusals as the form's red lines (creditCode and idNumber share one box). */
export const fieldProblems = (failure: Failure): Record<string, string> => Object.fromEntries(failure.errors.filter((e) => e.path).map((e) => [e.path, e.message]));

/** The phone as typed, without spaces and hyphens. */
export const plainPhone = (text: string) => text.replace(/[\s-]/g, '');

/** Today on this phone's calendar (the server checks again with the center's). */
export function todayHere(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
