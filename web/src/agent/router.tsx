/**
 * The console's pages are paths under /agent (the server answers every /agent/* with this page). A router
 * library would cost more than the whole feature: history.pushState and one subscription do it.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const BASE = '/agent';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => window.location.pathname + window.location.search;

/** The path and query of the page shown now, e.g. /agent/cases?view=to-forward. */
export const useLocation = () => useSyncExternalStore(subscribe, current);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === current()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** Splits /agent/cases/abc?new=1 into its segments after /agent and its query. */
export function parseLocation(location: string): { parts: string[]; query: URLSearchParams } {
  const [path = '', search = ''] = location.split('?');
  const rest = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return { parts: rest.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

/** A plain link that changes the page without reloading it (a long press or new tab still works). */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={to} onClick={handle} />;
}
