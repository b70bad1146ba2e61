import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Failure } from './account-api';

/** The red line under a field, tied to it for screen readers. */
export function FieldProblem({ field, problems }: { field: string; problems: Record<string, string> }) {
  return problems[field] ? (
    <p className="field-problem" id={`${field}-problem`}>
      {problems[field]}
    </p>
  ) : null;
}

/**
 * A labelled box with its red line, tied together for screen readers; the red line goes as soon as the box is
 * typed in again. `hint` shows under the box (a rule to follow).
 */
export function Field({
  field,
  label,
  value,
  onValue,
  problems,
  clearProblem,
  hint,
  ...input
}: {
  field: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  problems: Record<string, string>;
  clearProblem: (field: string) => void;
  hint?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange'>) {
  return (
    <>
      <label htmlFor={field}>{label}</label>
      <input
        {...input}
        id={field}
        name={field}
        value={value}
        onChange={(e) => {
          onValue(e.target.value);
          clearProblem(field);
        }}
        aria-describedby={hint ? `${field}-hint ${field}-problem` : `${field}-problem`}
      />
      {hint && (
        <p className="field-hint" id={`${field}-hint`}>
          {hint}
        </p>
      )}
      <FieldProblem field={field} problems={problems} />
    </>
  );
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
