/**
 * The requests of the public 我要咨询 page (no session): the centers (the complaint page's list), the catalog search
 * for the optional item (GET /api/items?q=, public), asking (POST /api/public/consultations) and reading the answer
 * back with the number and the query code or the phone's last four digits. No schema library, to stay small.
 */
import type { askedSchema, PublicFaq, publicConsultationSchema } from '@domain/consultations/contract';
import { client, failure, type Failure } from '../filing/filing-api';
import type { z } from 'zod';

export { getCenters } from '../complaint/complaint-api';
export type { Failure };

export type Asked = z.infer<typeof askedSchema>;
export type PublicConsultation = z.infer<typeof publicConsultationSchema>;
export interface ItemChoice {
  code: string;
  name: string;
}

/** Items whose name, 俗称 or pinyin match what was typed: the best few, code and name only. */
export async function searchItems(q: string): Promise<ItemChoice[]> {
  try {
    const data = await client.request<{ items: { code: string; name: string; status: string }[] }>('/items', { query: { q, status: 'active' }, quiet401: true });
    return Array.isArray(data.items) ? data.items.slice(0, 6).map((i) => ({ code: i.code, name: i.name })) : [];
  } catch {
    return [];
  }
}

/** The item's FAQ at the center (or the nearest center above it): perhaps the answer is there already. */
export async function getFaq(code: string, orgId: string): Promise<PublicFaq['entries']> {
  try {
    const data = await client.request<PublicFaq>(`/public/items/${encodeURIComponent(code)}/faq`, { query: { orgId }, quiet401: true });
    return Array.isArray(data.entries) ? data.entries : [];
  } catch {
    return [];
  }
}

export interface AskInput {
  orgId: string;
  name: string;
  phone: string;
  itemCode?: string | undefined;
  question: string;
}

export async function ask(input: AskInput, idempotencyKey: string): Promise<{ ok: true; asked: Asked } | { ok: false; failure: Failure }> {
  try {
    return { ok: true, asked: await client.request<Asked>('/public/consultations', { method: 'POST', body: input, idempotencyKey, quiet401: true }) };
  } catch (error) {
    return { ok: false, failure: failure(error) };
  }
}

/** `secret`: the 6-digit query code, or the phone's last 4 digits. */
export async function queryConsultation(consultationNo: string, secret: string): Promise<{ ok: true; consultation: PublicConsultation } | { ok: false; failure: Failure }> {
  try {
    const query = secret.length === 4 ? { consultationNo, phone4: secret } : { consultationNo, queryCode: secret };
    const c = await client.request<PublicConsultation>('/public/consultations', { query, quiet401: true });
    return typeof c.consultationNo === 'string' ? { ok: true, consultation: c } : { ok: false, failure: { kind: 'server' } };
  } catch (error) {
    const f = failure(error);
    return { ok: false, failure: f.kind === 'invalid' ? { kind: 'not-found' } : f };
  }
}
