import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { appointmentListSchema, appointmentSchema, checkedInSchema, noShowsSchema, plansSchema, slotsSchema } from '@domain/contract/appointments';

// 预约 (/api/hall/appointments*), answers checked against src/domain/contract/appointments.ts.
export type { AppointmentView } from '@domain/contract/appointments';

const key = ['appointments'] as const;

/** The day's bookings; a booking made, cancelled or checked in elsewhere reaches the page through the live stream. */
export const useDayAppointments = (date: string | undefined) =>
  useQuery({ queryKey: [...key, 'day', date], queryFn: ({ signal }) => apiRequest('/hall/appointments/day', appointmentListSchema, { query: { date }, signal }) });

export const useSlots = (orgId: string | undefined, serviceId: string | undefined) =>
  useQuery({
    queryKey: [...key, 'slots', orgId, serviceId],
    queryFn: ({ signal }) => apiRequest('/hall/appointments', slotsSchema, { query: { orgId, serviceId }, signal }),
    enabled: Boolean(orgId),
  });

export const usePlans = () => useQuery({ queryKey: [...key, 'plans'], queryFn: ({ signal }) => apiRequest('/hall/appointments/plans', plansSchema, { signal }) });

export const useNoShows = (month: string, enabled: boolean) =>
  useQuery({ queryKey: [...key, 'no-shows', month], queryFn: ({ signal }) => apiRequest('/hall/appointments/no-shows', noShowsSchema, { query: { month }, signal }), enabled });

function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void qc.invalidateQueries({ queryKey: key }) });
}

export interface PhoneBooking {
  orgId: string;
  serviceId: string;
  day: string;
  start: string;
  name: string;
  phone: string;
  note?: string;
}

/** 电话预约. The Idempotency-Key belongs to one filled-in form: a double click books once. */
export const useBook = () =>
  useChange(({ body, idempotencyKey }: { body: PhoneBooking; idempotencyKey: string }) => apiRequest('/hall/appointments', appointmentSchema, { method: 'POST', body, idempotencyKey }));

export const useCheckIn = () =>
  useChange(({ id, version }: { id: string; version: number }) => apiRequest(`/hall/appointments/${encodeURIComponent(id)}/check-in`, checkedInSchema, { method: 'POST', body: { version } }));

export const useCancel = () =>
  useChange(({ id, version }: { id: string; version: number }) => apiRequest(`/hall/appointments/${encodeURIComponent(id)}/cancel`, appointmentSchema, { method: 'POST', body: { version } }));

export const useSavePlan = () =>
  useChange(({ serviceId, ranges, version }: { serviceId: string; ranges: { start: string; end: string; capacity: number }[]; version: number | null }) =>
    apiRequest(`/hall/appointments/plans/${encodeURIComponent(serviceId)}`, plansSchema, { method: 'PUT', body: { ranges, version } }),
  );

export const useDaysAhead = () => useChange((daysAhead: number) => apiRequest('/hall/appointments/days-ahead', plansSchema, { method: 'PUT', body: { daysAhead } }));
