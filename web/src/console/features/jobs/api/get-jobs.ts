import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { jobsOverviewSchema as overviewSchema } from '@domain/contract/jobs';

export type { ConsumerStatus, JobRun, JobStatus } from '@domain/contract/jobs';

export const getJobs = () => apiRequest('/jobs', overviewSchema);

/** Jobs and consumers; looked at again every 30 seconds while the page is open (runs come every 30 s or minute). */
export const useJobs = () => useQuery({ queryKey: ['jobs'], queryFn: getJobs, refetchInterval: 30_000 });
