/** GET /api/jobs: the scheduled jobs and the event consumers, as the system administrator watches them. */
import { z } from 'zod';
import { instant } from './common.js';

export const jobRunSchema = z.object({
  id: z.string(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  durationMs: z.number().nullable(),
  status: z.enum(['running', 'ok', 'failed']),
  message: z.string().nullable(),
  error: z.string().nullable(),
  /** which server process ran it (several may share one database) */
  process: z.string(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobStatusSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** the cron pattern (for whoever reads the server's configuration) */
  schedule: z.string(),
  /** the schedule in words (每分钟, 每天 9:00); null for a pattern with no plain wording */
  scheduleName: z.string().nullable(),
  lastRun: jobRunSchema.nullable(),
  nextRunAt: instant.nullable(),
  runs: z.number().int(),
  failures: z.number().int(),
  recent: z.array(jobRunSchema),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const consumerStatusSchema = z.object({
  name: z.string(),
  title: z.string(),
  cursor: z.number().int(),
  handled: z.number().int(),
  lastHandledAt: instant.nullable(),
  failures: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAt: instant.nullable(),
  retryAt: instant.nullable(),
});
export type ConsumerStatus = z.infer<typeof consumerStatusSchema>;

export const jobsOverviewSchema = z.object({ jobs: z.array(jobStatusSchema), consumers: z.array(consumerStatusSchema), timeZone: z.string() });
