import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const daySchema = z.object({ date: z.string(), working: z.boolean(), note: z.string().nullish() });
export type CalendarDay = z.infer<typeof daySchema>;

/** A year not imported is answered with its provisional days (the law's holidays, no make-up days). */
const daysResponseSchema = z.object({
  year: z.number().optional(),
  provisional: z.boolean().default(false),
  source: z.string().nullish(),
  days: z.array(daySchema),
});

export const getCalendarDays = (year: number) => apiRequest('/calendar/days', daysResponseSchema, { query: { year } });

/** Every day of the year: working or not, and why (holiday name, 调休上班, 周末). */
export const useCalendarDays = (year: number, enabled = true) =>
  useQuery({ queryKey: ['calendar', 'days', year], queryFn: () => getCalendarDays(year), enabled });
