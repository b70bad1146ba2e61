import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiUpload, buildUrl } from '@/lib/api-client';
import { userSchema } from '@domain/contract/users';

/** The public address of a person's photo (政务公开); with the hash in it the browser keeps it for good. */
export const staffPhotoUrl = (userId: string, hash: string): string =>
  `${buildUrl(`/public/staff/${encodeURIComponent(userId)}/photo`)}?v=${encodeURIComponent(hash)}`;

/** What the server takes (UPLOAD_LIMITS.staffPhoto): checked here too, so a wrong file is told before it is sent. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png,image/jpeg,image/png';

export const uploadStaffPhoto = ({ id, file, onProgress }: { id: string; file: File; onProgress?: (percent: number) => void }) =>
  apiUpload(`/users/${encodeURIComponent(id)}/photo`, file, userSchema, { method: 'PUT', ...(onProgress ? { onUploadProgress: onProgress } : {}) });

export const removeStaffPhoto = (id: string) => apiRequest(`/users/${encodeURIComponent(id)}/photo`, userSchema, { method: 'DELETE' });

function usePhotoMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}

export const useUploadStaffPhoto = () => usePhotoMutation(uploadStaffPhoto);
export const useRemoveStaffPhoto = () => usePhotoMutation(removeStaffPhoto);
