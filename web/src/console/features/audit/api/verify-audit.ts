import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { auditVerifySchema } from '@domain/contract/audit';

export type { AuditVerify as VerifyResult } from '@domain/contract/audit';

export const verifyAudit = () => apiRequest('/audit/verify', auditVerifySchema);

/** Recomputes the whole hash chain on the server (a check, run when the auditor asks for it). */
export const useVerifyAudit = () => useMutation({ mutationFn: verifyAudit });
