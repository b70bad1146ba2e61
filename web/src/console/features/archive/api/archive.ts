import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, downloadUrl } from '@/lib/api-client';
import { dossierListSchema, dossierSchema, dossierSummarySchema, retentionRowSchema, retentionTableSchema } from '@domain/contract/archive';
import type { RetentionPeriod } from '@domain/archive/terms';

// 立卷归档 (/api/archive/*), answers checked against the contract (src/domain/contract/archive.ts).
export type { Dossier, DossierEntry, DossierList, DossierSummary, RetentionRow, RetentionTable } from '@domain/contract/archive';

export interface DossierQuery {
  year?: number | undefined;
  period?: RetentionPeriod | undefined;
  /** 档号、办件编号或申请人 */
  q?: string | undefined;
  caseId?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const archiveKey = ['archive'] as const;
const dossiersKey = [...archiveKey, 'dossiers'] as const;
const dossierKey = (id: string) => [...dossiersKey, 'detail', id] as const;
const retentionKey = [...archiveKey, 'retention'] as const;

const queryString = (q: DossierQuery) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

const dossierPath = (id: string) => `/archive/dossiers/${encodeURIComponent(id)}`;

export const useDossiers = (q: DossierQuery, enabled = true) =>
  useQuery({
    queryKey: [...dossiersKey, 'list', q],
    queryFn: ({ signal }) => apiRequest(`/archive/dossiers${queryString(q)}`, dossierListSchema, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useDossier = (id: string) =>
  useQuery({ queryKey: dossierKey(id), queryFn: ({ signal }) => apiRequest(dossierPath(id), dossierSchema, { signal }) });

/** 立卷归档 of one finished case now. A case is filed once: a second try is refused (409 ALREADY_ARCHIVED, with its 档号). */
export function useFileDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) => apiRequest('/archive/dossiers', dossierSchema, { method: 'POST', body: { caseId } }),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierKey(dossier.id), dossier);
      void queryClient.invalidateQueries({ queryKey: dossiersKey });
    },
  });
}

/** 完整性检测: the server counts, weighs and hashes every stored file against the registration. */
export function useCheckDossier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${dossierPath(id)}/check`, dossierSummarySchema, { method: 'POST', body: {} }),
    onSuccess: (summary) => {
      queryClient.setQueryData(dossierKey(id), (old: { entries: unknown[] } | undefined) => (old ? { ...old, ...summary } : old));
      void queryClient.invalidateQueries({ queryKey: dossiersKey });
    },
  });
}

export const manifestUrl = (id: string): string => downloadUrl(`${dossierPath(id)}/manifest`);
export const entryFileUrl = (id: string, seq: number): string => downloadUrl(`${dossierPath(id)}/files/${seq}`);

export const useRetentionTable = () =>
  useQuery({ queryKey: retentionKey, queryFn: ({ signal }) => apiRequest('/archive/retention', retentionTableSchema, { signal }) });

/** 保管期限表: the director sets one item's period (new dossiers of the item are kept that long). */
export function useSetRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemCode, period }: { itemCode: string; period: RetentionPeriod }) =>
      apiRequest(`/archive/retention/${encodeURIComponent(itemCode)}`, retentionRowSchema, { method: 'PUT', body: { period } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKey }),
  });
}
