/**
 * The requests of the public complaint page (no session): the centers to choose from, filing a complaint
 * (POST /api/public/complaints, with an Idempotency-Key so a double tap files once) and querying it back with the
 * number and query code. Answers have the server's declared shape (src/domain/complaints/contract.ts); no schema
 * library here, to stay small on old phones.
 */
import type { PublicCenters, PublicComplaint, PublicComplaintCreated } from '@domain/complaints/contract';
import { client, failure, type Failure } from '../filing/filing-api';

export type { PublicCenters, PublicComplaint, PublicComplaintCreated };

export type { Failure };

export async function getCenters(): Promise<PublicCenters['centers']> {
  try {
    const data = await client.request<PublicCenters>('/public/complaints/centers', { quiet401: true });
    return Array.isArray(data.centers) ? data.centers : [];
  } catch {
    return [];
  }
}

export interface FileInput {
  orgId: string;
  name: string;
  phone: string;
  title: string;
  content: string;
  caseNo?: string | undefined;
}

export async function fileComplaint(input: FileInput, idempotencyKey: string): Promise<{ ok: true; created: PublicComplaintCreated } | { ok: false; failure: Failure }> {
  try {
    const created = await client.request<PublicComplaintCreated>('/public/complaints', { method: 'POST', body: input, idempotencyKey, quiet401: true });
    return { ok: true, created };
  } catch (error) {
    return { ok: false, failure: failure(error) };
  }
}

export async function queryComplaint(complaintNo: string, queryCode: string): Promise<{ ok: true; complaint: PublicComplaint } | { ok: false; failure: Failure }> {
  try {
    const complaint = await client.request<PublicComplaint>('/public/complaints', { query: { complaintNo, queryCode }, quiet401: true });
    return typeof complaint.complaintNo === 'string' && Array.isArray(complaint.timeline) ? { ok: true, complaint } : { ok: false, failure: { kind: 'server' } };
  } catch (error) {
    const f = failure(error);
    // a malformed number is, for the complainant, a number that does not exist
    return { ok: false, failure: f.kind === 'invalid' ? { kind: 'not-found' } : f };
  }
}
