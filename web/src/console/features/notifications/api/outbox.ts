import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { outboxListSchema, templatesSchema } from '@domain/contract/notifications';

export type { OutboxMessageView, SmsChannel, Templates, TemplateView } from '@domain/contract/notifications';

export interface OutboxQuery {
  phone?: string;
  status?: 'pending' | 'sent' | 'failed';
  channel?: 'sms' | 'inbox';
  page?: number;
}

export const OUTBOX_PAGE_SIZE = 20;

export const getOutbox = (query: OutboxQuery) => apiRequest('/notifications/outbox', outboxListSchema, { query: { ...query, pageSize: OUTBOX_PAGE_SIZE } });

/** The 短信记录, newest first; looked at again every 30 s while open (the sender runs every 15 s). */
export const useOutbox = (query: OutboxQuery) =>
  useQuery({ queryKey: ['notifications', 'outbox', query], queryFn: () => getOutbox(query), placeholderData: keepPreviousData, refetchInterval: 30_000 });

export const useTemplates = () => useQuery({ queryKey: ['notifications', 'templates'], queryFn: () => apiRequest('/notifications/templates', templatesSchema) });
