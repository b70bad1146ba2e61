import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const yearSchema = z.object({ year: z.number(), source: z.string(), importedAt: z.string().nullish(), days: z.number() });
export type CalendarYear = z.infer<typeof yearSchema>;

const yearsResponseSchema = z.object({ years: z.array(yearSchema) });

export const getCalendarYears = () => apiRequest('/calendar/years', yearsResponseSchema);

/** The years whose official arrangement (holidays and make-up days) is loaded. */
export const useCalendarYears = () => useQuery({ queryKey: ['calendar', 'years'], queryFn: getCalendarYears });
