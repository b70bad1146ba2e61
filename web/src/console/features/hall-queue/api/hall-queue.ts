/**
 * 叫号 (issue 12 §1): the clerk's queue at one window (GET /api/hall/queue?windowId=), the center's services and
 * windows to transfer to, and every action on a number (call next, call a given one with a reason, recall,
 * no-show, transfer, start, finish, 绿色通道). Actions carry the number's version: a number another window moved
 * first answers 409, and the page reads the queue again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { windowListSchema } from '@domain/contract/windows';
import { hallServicesSchema, hallTicketSchema, windowQueueSchema } from '@domain/contract/hall';

export { PRIORITY_NAMES, STATUS_NAMES, type TicketPriority, type TicketStatus } from '@domain/hall/ticket';

export type QueueTicket = z.infer<typeof hallTicketSchema>;
export type WindowQueue = z.infer<typeof windowQueueSchema>;

export const queueQueryKey = (windowId: string) => ['hall', 'queue', windowId] as const;

/** modest polling besides the live stream: a cut stream still refreshes the list now and then */
const POLL_MS = 30_000;

export const useWindowQueue = (windowId: string | null) =>
  useQuery({
    queryKey: queueQueryKey(windowId ?? ''),
    queryFn: ({ signal }) => apiRequest('/hall/queue', windowQueueSchema, { query: { windowId }, signal }),
    enabled: !!windowId,
    refetchInterval: POLL_MS,
  });

export const useHallServices = (orgId: string) =>
  useQuery({
    queryKey: ['hall', 'services', orgId],
    queryFn: ({ signal }) => apiRequest('/hall/services', hallServicesSchema, { query: { orgId }, signal }),
    select: (data) => data.services,
  });

/** The active windows of the clerk's center, to work at and to transfer to. */
export const useCenterWindows = (orgId: string) =>
  useQuery({
    queryKey: ['windows', 'list', orgId],
    queryFn: ({ signal }) => apiRequest('/windows', windowListSchema, { query: { orgId }, signal }),
    select: (data) => data.windows.filter((w) => w.active),
  });

export type TicketAction =
  | { kind: 'call-next'; windowId: string }
  | { kind: 'call'; ticket: QueueTicket; windowId: string; reason: string }
  | { kind: 'recall' | 'no-show' | 'start' | 'finish' | 'cancel' | 'reactivate'; ticket: QueueTicket }
  | { kind: 'transfer'; ticket: QueueTicket; serviceId?: string; windowId?: string }
  | { kind: 'green-channel'; ticket: QueueTicket; reason: string };

const answerSchema = z.unknown();

export function act(action: TicketAction): Promise<unknown> {
  if (action.kind === 'call-next') return apiRequest(`/hall/windows/${encodeURIComponent(action.windowId)}/call-next`, answerSchema, { method: 'POST', body: {} });
  const path = `/hall/tickets/${encodeURIComponent(action.ticket.id)}/${action.kind}`;
  const version = action.ticket.version;
  switch (action.kind) {
    case 'call':
      return apiRequest(path, answerSchema, { method: 'POST', body: { windowId: action.windowId, reason: action.reason, version } });
    case 'transfer':
      return apiRequest(path, answerSchema, { method: 'POST', body: { version, serviceId: action.serviceId, windowId: action.windowId } });
    case 'green-channel':
      return apiRequest(path, answerSchema, { method: 'POST', body: { version, reason: action.reason } });
    default:
      return apiRequest(path, answerSchema, { method: 'POST', body: { version } });
  }
}

/** Every action reads the queue again afterwards, whether it went through or another window was first (409). */
export function useTicketAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: act,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['hall'] });
    },
  });
}

/**
 * The center's display stream (public, ids and numbers only): any change of the hall — a number taken here, a call
 * at another window — reads this window's queue again. EventSource reconnects by itself after a cut.
 */
export function useHallLive(orgId: string, windowId: string | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!windowId) return;
    let burst: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(buildUrl(`/hall/display/${encodeURIComponent(orgId)}/stream`));
    const refresh = () => {
      burst ??= setTimeout(() => {
        burst = undefined;
        void queryClient.invalidateQueries({ queryKey: queueQueryKey(windowId) });
        void queryClient.invalidateQueries({ queryKey: ['hall', 'services', orgId] });
      }, 300);
    };
    source.addEventListener('state', refresh);
    return () => {
      clearTimeout(burst);
      source.close();
    };
  }, [orgId, windowId, queryClient]);
}
