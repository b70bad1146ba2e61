/** 办件的排队记录 (GET /api/hall/tickets/of-case/:caseId): the number a case came from, for the case page. */
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { caseTicketSchema } from '@domain/contract/hall';

export const useCaseTicket = (caseId: string) =>
  useQuery({
    queryKey: ['hall', 'of-case', caseId],
    queryFn: ({ signal }) => apiRequest(`/hall/tickets/of-case/${encodeURIComponent(caseId)}`, caseTicketSchema, { signal }),
    select: (data) => data.ticket,
  });
