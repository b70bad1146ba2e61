import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { complaintHandlersSchema } from '@domain/complaints/handlers-contract';

export type { ComplaintHandler } from '@domain/complaints/handlers-contract';

/** 受理时可选的承办人 (GET /api/complaints/handlers): the acting person's center's staff who may handle complaints. */
export const useComplaintHandlers = (enabled = true) =>
  useQuery({
    queryKey: ['complaints', 'handlers'],
    queryFn: ({ signal }) => apiRequest('/complaints/handlers', complaintHandlersSchema, { signal }),
    staleTime: 60_000,
    enabled,
  });
