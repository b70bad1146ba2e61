import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const verifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.number().optional(),
  problem: z.string().optional(),
});
export type VerifyResult = z.infer<typeof verifySchema>;

export const verifyAudit = () => apiRequest('/audit/verify', verifySchema);

/** Recomputes the whole hash chain on the server (a check, run when the auditor asks for it). */
export const useVerifyAudit = () => useMutation({ mutationFn: verifyAudit });
