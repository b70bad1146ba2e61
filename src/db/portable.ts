/**
 * The one place where SQLite and PostgreSQL differences are smoothed over: booleans are stored as 0/1,
 * JSON as text, instants as ISO text, and counts come back as number | string | bigint.
 */
export const toBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;
export const fromBool = (value: boolean): number => (value ? 1 : 0);

export const toJson = (value: unknown): string => JSON.stringify(value);
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

export const toCount = (value: number | string | bigint | null | undefined): number => Number(value ?? 0);

export const nowIso = (now: Date = new Date()): string => now.toISOString();

/** Escape LIKE wildcards in user input; use with `escape '\'`-free patterns by doubling the backslash rule. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A unique constraint refused the write (two clerks saving the same code at the same moment). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
