import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { windowSchema } from '@domain/contract/windows';

export interface CreateWindowInput {
  orgId: string;
  name: string;
  department?: string | null;
  postAUserId?: string | null;
  postBUserId?: string | null;
}

export interface UpdateWindowInput {
  id: string;
  expectedVersion: number;
  name?: string;
  department?: string | null;
  postAUserId?: string | null;
  postBUserId?: string | null;
  active?: boolean;
}

export const createWindow = (input: CreateWindowInput) => apiRequest('/windows', windowSchema, { method: 'POST', body: input });

export const updateWindow = ({ id, ...body }: UpdateWindowInput) =>
  apiRequest(`/windows/${encodeURIComponent(id)}`, windowSchema, { method: 'PATCH', body });

export function useCreateWindow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createWindow, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['windows'] }) });
}

export function useUpdateWindow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateWindow, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['windows'] }) });
}
