import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const reminderSchema = z.object({
  /** the server's today (its injected clock), in the deployment's time zone */
  today: z.string(),
  reminder: z.object({ year: z.number(), message: z.string() }).nullable(),
});
export type CalendarReminder = z.infer<typeof reminderSchema>;

export const getCalendarReminder = () => apiRequest('/calendar/reminder', reminderSchema);

/**
 * From 1 October until next year's arrangement is imported (or while this year's is missing), the administrator
 * is reminded to import it. Only administrators may ask (`calendar.manage`).
 */
export const useCalendarReminder = (enabled: boolean) =>
  useQuery({ queryKey: ['calendar', 'reminder'], queryFn: getCalendarReminder, enabled });
