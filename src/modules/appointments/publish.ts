/** After a booking change has committed: tell the bus (ids only), so the center's consoles read their bookings again. */
import { busOf, type AppointmentEvent } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';

export function publishAppointment(ctx: AppContext, orgId: string, appointmentId: string, action: AppointmentEvent['action']): void {
  busOf(ctx).publish({ type: 'appointment', appointmentId, orgId, action });
}
