import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { buildUrl } from '@/lib/api-client';
import { caseQueryKey } from './get-case';

/** What GET /api/live sends when a case changed: ids, status and light only (the page fetches the case itself). */
export interface LiveCaseChange {
  type: 'case';
  caseId: string;
  version: number;
  status: string;
  light: 'green' | 'yellow' | 'red' | null;
  holderOrgId: string;
  windowId: string | null;
  /** the event type (accept, forward …; 'light' when the light moved on by itself) */
  action: string;
  byUserId: string | null;
}

/** After the server refused the stream (signed out, a proxy error): ask again this much later. */
const REOPEN_MS = 10_000;
/** Changes arriving within this span refresh the lists once. */
const BURST_MS = 200;
/**
 * Every refresh is a request that keeps the session alive. A console nobody has touched for this long stops
 * refreshing by itself (what changed is fetched at the next touch), so the server's idle sign-out still ends an
 * unattended session in a busy hall.
 */
const UNATTENDED_MS = 5 * 60_000;

// The latest change another person made to each case, for the open case page's banner.
const changes = new Map<string, LiveCaseChange>();
const watchers = new Set<() => void>();
const notify = () => {
  for (const w of watchers) w();
};

/**
 * Lists, tab counts, the menu badge, light counts and the day's bookings are read again; what is on screen stays
 * until they answer.
 */
const LIST_KEYS = [['cases', 'list'], ['cases', 'count'], ['cases', 'lights'], ['agents'], ['dashboard'], ['appointments']] as const;

/**
 * Listens to the server's live updates while the console is open (mounted once, in the layout). EventSource
 * works on the plain-HTTP LAN and reconnects by itself after a dropped connection; a refused one (the session
 * ended) is tried again a little later. Each change invalidates the work lists and counts; an open case another
 * person changed is NOT reloaded under the clerk's hands — its page shows a banner instead (useLiveCaseChange).
 * One's own change needs neither: the tab that made it has refreshed, and another tab of one's own finds out on
 * its next action (the server's 409 says so plainly).
 */
export function useLiveUpdates(myUserId: string, enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // only people who may read cases listen: anyone else would be refused (and every refusal is audited)
    if (!enabled) return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    // A village batch announces its cases one by one: the lists are asked for once per burst, not once per case.
    let burst: ReturnType<typeof setTimeout> | undefined;
    let lastTouch = Date.now();
    /** a refresh held back while nobody was at the console */
    let held = false;
    const refreshLists = () => {
      if (Date.now() - lastTouch > UNATTENDED_MS) {
        held = true;
        return;
      }
      burst ??= setTimeout(() => {
        burst = undefined;
        for (const queryKey of LIST_KEYS) void queryClient.invalidateQueries({ queryKey });
      }, BURST_MS);
    };
    const touched = () => {
      lastTouch = Date.now();
      if (held) {
        held = false;
        refreshLists();
      }
    };
    const TOUCHES = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const type of TOUCHES) window.addEventListener(type, touched, { passive: true });
    const connect = () => {
      source = new EventSource(buildUrl('/live'));
      source.addEventListener('ready', () => {
        // back after a drop: whatever changed meanwhile was not heard
        if (dropped) refreshLists();
        dropped = false;
      });
      source.addEventListener('case', (message) => {
        const change = JSON.parse((message as MessageEvent<string>).data) as LiveCaseChange;
        refreshLists();
        if (change.action === 'light') {
          // the light moved on by itself: nothing to warn about, just show it (when someone is there to see it)
          if (!held) void queryClient.invalidateQueries({ queryKey: caseQueryKey(change.caseId) });
        } else if (change.byUserId !== myUserId) {
          changes.set(change.caseId, change);
          notify();
        }
      });
      // a 督办单 of my tree was issued, answered, returned, raised or closed: the dashboards' counts and the card lists
      source.addEventListener('card', () => {
        refreshLists();
        if (!held) void queryClient.invalidateQueries({ queryKey: ['supervision-cards', 'list'] });
      });
      // a booking at my center was made (a villager booking from home), cancelled or checked in: the bookings lists
      source.addEventListener('appointment', () => {
        if (Date.now() - lastTouch > UNATTENDED_MS) held = true;
        else void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      });
      // 监察记录 of my tree recorded by the sweep, explained or decided: the dashboards' counts and the violation lists
      source.addEventListener('violation', () => {
        refreshLists();
        if (!held) void queryClient.invalidateQueries({ queryKey: ['supervision', 'violations'] });
      });
      // my unread count changed (a warning arrived, or I read one in another tab): the bell asks again
      source.addEventListener('inbox', () => void queryClient.invalidateQueries({ queryKey: ['me', 'messages'] }));
      source.addEventListener('resync', () => {
        if (Date.now() - lastTouch > UNATTENDED_MS) held = true;
        else {
          void queryClient.invalidateQueries({ queryKey: ['cases'] });
          void queryClient.invalidateQueries({ queryKey: ['me', 'messages'] });
        }
      });
      source.onerror = () => {
        dropped = true;
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopen = setTimeout(connect, REOPEN_MS);
        }
      };
    };
    connect();
    return () => {
      for (const type of TOUCHES) window.removeEventListener(type, touched);
      clearTimeout(reopen);
      clearTimeout(burst);
      source?.close();
    };
  }, [queryClient, myUserId, enabled]);
}

/**
 * The latest change someone else made to this case after the version the page shows, or null: the case page
 * shows it as a banner with a 刷新 button.
 */
export function useLiveCaseChange(caseId: string, shownVersion: number | undefined): LiveCaseChange | null {
  const change = useSyncExternalStore(
    (watch) => {
      watchers.add(watch);
      return () => watchers.delete(watch);
    },
    () => changes.get(caseId) ?? null,
  );
  return change && shownVersion !== undefined && change.version > shownVersion ? change : null;
}
