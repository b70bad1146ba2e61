import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiUpload, downloadUrl } from '@/lib/api-client';
import { checklistListSchema, checklistSchema, roundSchema, standardsTableSchema, type Round } from '@domain/standards/contract';
import type { ChecklistItem, ChecklistLevel } from '@domain/standards/checklist';
import { z } from 'zod';

// 标准化建设 (/api/standards/*), answers checked against src/domain/standards/contract.ts.
export type { Checklist, Gap, Round, RoundItem, StandardsPhoto, StandardsTable, StandardsTableRow } from '@domain/standards/contract';

const key = ['standards'] as const;

export const useStandardsTable = (year: number | undefined) =>
  useQuery({ queryKey: [...key, 'table', year ?? null], queryFn: ({ signal }) => apiRequest('/standards/table', standardsTableSchema, { query: { year }, signal }) });

export const tableExportUrl = (year: number | undefined) => downloadUrl(`/standards/table.xlsx${year ? `?year=${year}` : ''}`);

export const useRound = (id: string) => useQuery({ queryKey: [...key, 'round', id], queryFn: ({ signal }) => apiRequest(`/standards/rounds/${encodeURIComponent(id)}`, roundSchema, { signal }) });

/** Writes answer with the round as it now stands: the page shows it at once, the table is read again. */
function useRoundWrite<T>(fn: (input: T) => Promise<Round>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (round) => qc.setQueryData([...key, 'round', round.id], round),
    onSettled: () => void qc.invalidateQueries({ queryKey: [...key, 'table'] }),
  });
}

export const useStartRound = () => useRoundWrite((body: { orgId: string; year?: number }) => apiRequest('/standards/rounds', roundSchema, { method: 'POST', body }));

export interface AnswerBody {
  met?: boolean | null;
  value?: number | null;
  text?: string | null;
  note?: string | null;
  expectedVersion: number;
}
export const useAnswerItem = (roundId: string) =>
  useRoundWrite(({ code, ...body }: AnswerBody & { code: string }) => apiRequest(`/standards/rounds/${encodeURIComponent(roundId)}/items/${encodeURIComponent(code)}`, roundSchema, { method: 'PUT', body }));

export const useSubmitRound = (roundId: string) =>
  useRoundWrite((body: { expectedVersion: number }) => apiRequest(`/standards/rounds/${encodeURIComponent(roundId)}/submit`, roundSchema, { method: 'POST', body }));
export const useReturnRound = (roundId: string) =>
  useRoundWrite((body: { expectedVersion: number; reason: string }) => apiRequest(`/standards/rounds/${encodeURIComponent(roundId)}/return`, roundSchema, { method: 'POST', body }));

export interface InspectBody {
  expectedVersion: number;
  rectifyWorkingDays?: number;
  items: { code: string; score: number; value?: number | null; note?: string | null; dueDate?: string | null }[];
}
export const useInspectRound = (roundId: string) =>
  useRoundWrite((body: InspectBody) => apiRequest(`/standards/rounds/${encodeURIComponent(roundId)}/inspect`, roundSchema, { method: 'POST', body }));

export const useUploadPhoto = (roundId: string) =>
  useRoundWrite(({ file, itemCode, gapId }: { file: File; itemCode?: string; gapId?: string }) =>
    apiUpload(`/standards/rounds/${encodeURIComponent(roundId)}/photos?${gapId ? `gapId=${encodeURIComponent(gapId)}` : `itemCode=${encodeURIComponent(itemCode ?? '')}`}`, file, roundSchema),
  );

export function useRemovePhoto(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => apiRequest(`/standards/photos/${encodeURIComponent(photoId)}`, z.unknown(), { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: [...key, 'round', roundId] }),
  });
}

export const useGapAction = () =>
  useRoundWrite(({ gapId, action, ...body }: { gapId: string; action: 'rectify' | 'confirm' | 'reopen'; expectedVersion: number; note?: string; reason?: string }) =>
    apiRequest(`/standards/gaps/${encodeURIComponent(gapId)}/${action}`, roundSchema, { method: 'POST', body }),
  );

export const useChecklists = (history = false) =>
  useQuery({ queryKey: [...key, 'checklists', history], queryFn: ({ signal }) => apiRequest('/standards/checklists', checklistListSchema, { query: { history: history ? '1' : undefined }, signal }) });

export function useSaveChecklist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ level, ...body }: { level: ChecklistLevel; title: string; items: ChecklistItem[]; reason: string; expectedVersion: number }) =>
      apiRequest(`/standards/checklists/${level}`, checklistSchema, { method: 'PUT', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: [...key, 'checklists'] }),
  });
}

/** What the server takes (STANDARDS_PHOTO_LIMITS): checked here too, so a wrong file is told before it is sent. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png,image/jpeg,image/png';
