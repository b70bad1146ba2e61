import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { calendarReminderSchema } from '@domain/contract/calendar';

export type { CalendarReminder } from '@domain/contract/calendar';

export const getCalendarReminder = () => apiRequest('/calendar/reminder', calendarReminderSchema);

/**
 * From 1 October until next year's arrangement is imported (or while this year's is missing), the administrator
 * is reminded to import it. Only administrators may ask (`calendar.manage`).
 */
export const useCalendarReminder = (enabled: boolean) =>
  useQuery({ queryKey: ['calendar', 'reminder'], queryFn: getCalendarReminder, enabled });
