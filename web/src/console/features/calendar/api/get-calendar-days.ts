import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { calendarDaysSchema } from '@domain/contract/calendar';

export type { CalendarDay } from '@domain/contract/calendar';

/** A year not imported is answered with its provisional days (the law's holidays, no make-up days). */
export const getCalendarDays = (year: number) => apiRequest('/calendar/days', calendarDaysSchema, { query: { year } });

/** Every day of the year: working or not, and why (holiday name, 调休上班, 周末). */
export const useCalendarDays = (year: number, enabled = true) =>
  useQuery({ queryKey: ['calendar', 'days', year], queryFn: () => getCalendarDays(year), enabled });
