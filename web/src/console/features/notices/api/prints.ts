import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { NoticeType } from '@/lib/notices';
import { paperSchema, printListSchema, printSchema, recordedPrintSchema } from '@domain/contract/papers';

// Print records (POST/GET /api/cases/:id/prints): every printed paper, kept for the archive.

export type { PrintRecord } from '@domain/contract/papers';

/** A past print: the server keeps its content as printed; the console reads it as the paper it was. */
const printContentSchema = printSchema.extend({ content: paperSchema });

const printsKey = (caseId: string) => ['notices', 'prints', caseId] as const;

export const usePrints = (caseId: string) =>
  useQuery({
    queryKey: printsKey(caseId),
    queryFn: ({ signal }) => apiRequest(`/cases/${encodeURIComponent(caseId)}/prints`, printListSchema, { signal }),
  });

export const usePrintContent = (caseId: string, printId: string) =>
  useQuery({
    queryKey: [...printsKey(caseId), printId],
    queryFn: ({ signal }) =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/prints/${encodeURIComponent(printId)}`, printContentSchema, { signal }),
    staleTime: Infinity,
  });

/** Records one print as it happens; the case page's list of prints then shows it. */
export function useRecordPrint(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paper: NoticeType) => apiRequest(`/cases/${encodeURIComponent(caseId)}/prints`, recordedPrintSchema, { method: 'POST', body: { paper } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: printsKey(caseId) }),
  });
}
