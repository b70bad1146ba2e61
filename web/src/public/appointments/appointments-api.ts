/**
 * The requests of 预约 on the public site (issue 12 §3): the open slots of a center's services (public), and the
 * signed-in applicant's own bookings under /api/public (where the applicant's cookie goes). Answers have the
 * server's declared shape (src/domain/contract/appointments.ts); no schema library, to stay small on old phones.
 */
import type { AppointmentView } from '@domain/contract/appointments';
import type { PublicCenterTree } from '@domain/transparency/contract';
import { createApiClient, isApiError } from '@shared/api-client';
import { newIdempotencyKey } from '@shared/idempotency-key';

export type { AppointmentView };

export interface Slots {
  orgId: string;
  orgName: string;
  daysAhead: number;
  services: { id: string; name: string; code: string }[];
  serviceId: string | null;
  serviceName: string | null;
  days: { date: string; weekday: string; slots: { start: string; end: string; capacity: number; booked: number; left: number }[] }[];
}

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

export type Answer<T> = { ok: true; value: T } | { ok: false; title: string; code: string };

async function attempt<T>(work: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return isApiError(error) ? { ok: false, title: error.title, code: error.code } : { ok: false, title: '系统暂时无法办理，请稍后再试。', code: 'UNKNOWN' };
  }
}

/** The county center and the township centers (villages have no hall). */
export const centers = () =>
  attempt(async () => {
    const tree = await client.request<PublicCenterTree>('/public/centers');
    return tree.centers.flatMap((c) => [c, ...c.children]).map((c) => ({ id: c.id, name: c.name }));
  });

export const slots = (orgId: string, serviceId?: string) => attempt(() => client.request<Slots>('/hall/appointments', { query: { orgId, serviceId } }));

export const myAppointments = () => attempt(() => client.request<{ appointments: AppointmentView[] }>('/public/appointments'));

export const book = (body: { orgId: string; serviceId: string; day: string; start: string }, key = newIdempotencyKey()) =>
  attempt(() => client.request<AppointmentView>('/public/appointments', { method: 'POST', body, idempotencyKey: key }));

export const cancel = (a: AppointmentView) => attempt(() => client.request<AppointmentView>(`/public/appointments/${a.id}/cancel`, { method: 'POST', body: { version: a.version } }));
