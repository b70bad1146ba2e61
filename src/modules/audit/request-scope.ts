import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The client address of the request being handled, for every audit entry it causes. Services record entries deep
 * below the routes (a user created, a window changed, a catalog imported) and should not each carry the address
 * down: recordAudit takes it from here when the caller gives none. Outside a request (jobs, the command line)
 * there is none, and an entry keeps no address.
 */
interface Scope {
  ip: string;
  /** false once the answer has gone: work the request left running is no longer "made in the request" */
  open: boolean;
}

const scope = new AsyncLocalStorage<Scope>();

/** Runs the rest of a request (its handler) inside a scope carrying the client's address; returns the scope to close. */
export function enterRequestScope(ip: string, next: () => void): Scope {
  const current = { ip, open: true };
  scope.run(current, next);
  return current;
}

export function closeRequestScope(current: Scope | undefined): void {
  if (current) current.open = false;
}

/** The address of the request this code runs for, or null outside one. */
export function currentRequestIp(): string | null {
  const current = scope.getStore();
  return current?.open ? current.ip : null;
}
