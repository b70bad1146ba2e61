import { Card } from 'antd';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useJobs } from '@/features/jobs/api/get-jobs';
import { ConsumersTable } from '@/features/jobs/components/consumers-table';
import { JobsTable } from '@/features/jobs/components/jobs-table';

/** 系统管理员: the scheduled jobs and the consumers of case events, so a stalled one is seen before clerks notice. */
export function JobsPage() {
  const jobs = useJobs();
  return (
    <>
      <PageHeader title="定时任务" description="亮灯巡检、事件分发等后台任务的运行记录（保留 7 天）；多台服务器时每次只由其中一台执行" />
      {jobs.isError ? (
        <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <>
          <Card title="定时任务" style={{ marginBottom: 16 }}>
            <JobsTable jobs={jobs.data?.jobs ?? []} loading={jobs.isFetching && !jobs.data} />
          </Card>
          <Card title="办件动态订阅者">
            <ConsumersTable consumers={jobs.data?.consumers ?? []} loading={jobs.isFetching && !jobs.data} />
          </Card>
        </>
      )}
    </>
  );
}
