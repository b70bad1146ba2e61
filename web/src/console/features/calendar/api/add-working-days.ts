import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { workingDaySchema } from '@domain/contract/calendar';

/** The N-th working day after `from` (the day itself is not counted). */
export const addWorkingDays = (from: string, days: number) =>
  apiRequest('/calendar/add-working-days', workingDaySchema, { query: { from, days } });

export const useAddWorkingDays = (from: string | null, days: number | null) =>
  useQuery({
    queryKey: ['calendar', 'add', from, days],
    queryFn: () => addWorkingDays(from!, days!),
    enabled: from !== null && days !== null,
  });
