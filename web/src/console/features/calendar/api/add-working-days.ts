import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** `provisional`: counted through a year whose arrangement is not imported yet (暂定). */
const resultSchema = z.object({ date: z.string(), provisional: z.boolean().default(false) });

/** The N-th working day after `from` (the day itself is not counted). */
export const addWorkingDays = (from: string, days: number) =>
  apiRequest('/calendar/add-working-days', resultSchema, { query: { from, days } });

export const useAddWorkingDays = (from: string | null, days: number | null) =>
  useQuery({
    queryKey: ['calendar', 'add', from, days],
    queryFn: () => addWorkingDays(from!, days!),
    enabled: from !== null && days !== null,
  });
