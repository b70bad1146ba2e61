import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { calendarYearsSchema } from '@domain/contract/calendar';

export type { CalendarYear } from '@domain/contract/calendar';

export const getCalendarYears = () => apiRequest('/calendar/years', calendarYearsSchema);

/** The years whose official arrangement (holidays and make-up days) is loaded. */
export const useCalendarYears = () => useQuery({ queryKey: ['calendar', 'years'], queryFn: getCalendarYears });
