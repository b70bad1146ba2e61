import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const jobRunSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  status: z.enum(['running', 'ok', 'failed']),
  message: z.string().nullable(),
  error: z.string().nullable(),
  process: z.string(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

const jobSchema = z.object({
  name: z.string(),
  title: z.string(),
  schedule: z.string(),
  lastRun: jobRunSchema.nullable(),
  nextRunAt: z.string().nullable(),
  runs: z.number(),
  failures: z.number(),
  recent: z.array(jobRunSchema),
});
export type JobStatus = z.infer<typeof jobSchema>;

const consumerSchema = z.object({
  name: z.string(),
  title: z.string(),
  cursor: z.number(),
  handled: z.number(),
  lastHandledAt: z.string().nullable(),
  failures: z.number(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  retryAt: z.string().nullable(),
});
export type ConsumerStatus = z.infer<typeof consumerSchema>;

const overviewSchema = z.object({ jobs: z.array(jobSchema), consumers: z.array(consumerSchema), timeZone: z.string() });

export const getJobs = () => apiRequest('/jobs', overviewSchema);

/** Jobs and consumers; looked at again every 30 seconds while the page is open (runs come every 30 s or minute). */
export const useJobs = () => useQuery({ queryKey: ['jobs'], queryFn: getJobs, refetchInterval: 30_000 });
