/** What the server answers about 预约 (/api/hall/appointments*, /api/public/appointments*; issue 12 §3). */
import { z } from 'zod';

export const slotRangeSchema = z.object({ start: z.string(), end: z.string(), capacity: z.number().int() });

export const slotsSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  daysAhead: z.number().int(),
  /** the services of the hall that take appointments (a plan is set) */
  services: z.array(z.object({ id: z.string(), name: z.string(), code: z.string() })),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  /** working days only, slots still to come; empty without serviceId */
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.string(),
      slots: z.array(z.object({ start: z.string(), end: z.string(), capacity: z.number().int(), booked: z.number().int(), left: z.number().int() })),
    }),
  ),
});

export const appointmentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  day: z.string(),
  weekday: z.string(),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  phone: z.string(),
  code: z.string(),
  status: z.enum(['booked', 'checked_in', 'cancelled', 'no_show']),
  statusName: z.string(),
  via: z.enum(['public', 'window', 'agent']),
  viaName: z.string(),
  bookedByName: z.string().nullable(),
  note: z.string().nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AppointmentView = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z.object({ date: z.string().nullable(), appointments: z.array(appointmentSchema) });

/** A check-in: the number taken (TicketIssued, as POST /api/hall/tickets answers) at the top, and the booking. */
const ticketIssuedSchema = z.object({ id: z.string(), number: z.string(), serviceId: z.string(), serviceName: z.string(), ahead: z.number().int(), issuedAt: z.string(), token: z.string(), positionUrl: z.string().nullable() });
export const checkedInSchema = ticketIssuedSchema.extend({ ticket: ticketIssuedSchema, appointment: appointmentSchema });

export const plansSchema = z.object({
  orgId: z.string(),
  daysAhead: z.number().int(),
  services: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), code: z.string(), ranges: z.array(slotRangeSchema), version: z.number().int().nullable() })),
});

export const noShowsSchema = z.object({
  orgId: z.string(),
  month: z.string(),
  services: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), total: z.number().int(), checkedIn: z.number().int(), cancelled: z.number().int(), noShows: z.number().int() })),
});
