import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import type { NoticeType } from '@/lib/notices';
import { paperSchema } from './get-paper';

// Print records (POST/GET /api/cases/:id/prints): every printed paper, kept for the archive.

const printSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  paper: z.string(),
  paperName: z.string(),
  issuerOrgId: z.string(),
  issuerName: z.string().nullish(),
  printedBy: z.string(),
  printedAt: z.string(),
});
export type PrintRecord = z.infer<typeof printSchema>;

const printsKey = (caseId: string) => ['notices', 'prints', caseId] as const;

export const usePrints = (caseId: string) =>
  useQuery({
    queryKey: printsKey(caseId),
    queryFn: ({ signal }) => apiRequest(`/cases/${encodeURIComponent(caseId)}/prints`, z.object({ prints: z.array(printSchema), total: z.number() }), { signal }),
  });

export const usePrintContent = (caseId: string, printId: string) =>
  useQuery({
    queryKey: [...printsKey(caseId), printId],
    queryFn: ({ signal }) =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/prints/${encodeURIComponent(printId)}`, printSchema.extend({ content: paperSchema }), { signal }),
    staleTime: Infinity,
  });

/** Records one print as it happens; the case page's list of prints then shows it. */
export function useRecordPrint(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paper: NoticeType) => apiRequest(`/cases/${encodeURIComponent(caseId)}/prints`, printSchema, { method: 'POST', body: { paper } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: printsKey(caseId) }),
  });
}
