import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { inboxSchema, unreadSchema } from '@domain/contract/notifications';

export type { Inbox, InboxMessage } from '@domain/contract/notifications';

/** Everything about my inbox is under this key: the live 'inbox' event refreshes it (features/cases/api/live-updates). */
export const INBOX_KEY = ['me', 'messages'] as const;
export const INBOX_PAGE_SIZE = 20;

export const getInbox = (query: { page?: number; unread?: boolean }) =>
  apiRequest('/me/messages', inboxSchema, { query: { page: query.page, pageSize: INBOX_PAGE_SIZE, unread: query.unread ? '1' : undefined } });

/**
 * My in-app messages with the unread count. Kept fresh by the live stream where the person has one; otherwise (and
 * as a safety net) asked again every minute.
 */
export const useInbox = (query: { page?: number; unread?: boolean } = {}) =>
  useQuery({ queryKey: [...INBOX_KEY, query], queryFn: () => getInbox(query), placeholderData: keepPreviousData, refetchInterval: 60_000 });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/me/messages/${encodeURIComponent(id)}/read`, unreadSchema, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/me/messages/read-all', unreadSchema, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}
