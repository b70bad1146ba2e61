import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTimeSeconds as formatInstant } from '@/lib/format';
import type { JobRun, JobStatus } from '../api/get-jobs';

const formatDuration = (ms: number | null): string => (ms === null ? '—' : ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`);

const STATUS: Record<JobRun['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '成功' },
  failed: { color: 'red', label: '失败' },
  running: { color: 'blue', label: '运行中' },
};

export const RunStatus = ({ run }: { run: JobRun }) => <Tag color={STATUS[run.status].color}>{STATUS[run.status].label}</Tag>;

/** A run's outcome in words: its error, what it did, or that there was nothing to do. */
const outcome = (run: JobRun) =>
  run.error ? <Typography.Text type="danger">{run.error}</Typography.Text> : (run.message ?? <Typography.Text type="secondary">无需处理</Typography.Text>);

function RecentRuns({ runs }: { runs: JobRun[] }) {
  const columns: TableColumnsType<JobRun> = [
    { title: '开始', dataIndex: 'startedAt', width: 200, render: (at: string) => formatInstant(at) },
    { title: '结果', key: 'status', width: 90, render: (_, r) => <RunStatus run={r} /> },
    { title: '耗时', dataIndex: 'durationMs', width: 100, render: formatDuration },
    { title: '说明', key: 'outcome', render: (_, r) => outcome(r) },
    { title: '运行进程', dataIndex: 'process', width: 200 },
  ];
  return <Table<JobRun> rowKey="id" size="small" columns={columns} dataSource={runs} pagination={false} />;
}

export function JobsTable({ jobs, loading }: { jobs: JobStatus[]; loading: boolean }) {
  const columns: TableColumnsType<JobStatus> = [
    {
      title: '任务',
      key: 'job',
      // the schedule in words; the job's code and cron pattern only on hover (they are what the server's logs name)
      render: (_, j) => (
        <>
          <div>{j.title}</div>
          <Tooltip title={`任务代号 ${j.name}，cron 表达式 ${j.schedule}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              计划：{j.scheduleName ?? <Typography.Text code>{j.schedule}</Typography.Text>}
            </Typography.Text>
          </Tooltip>
        </>
      ),
    },
    {
      title: '上次运行',
      key: 'last',
      width: 240,
      render: (_, j) =>
        j.lastRun ? (
          <>
            <RunStatus run={j.lastRun} />
            {formatInstant(j.lastRun.startedAt)}
            {j.lastRun.error && (
              <div>
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {j.lastRun.error}
                </Typography.Text>
              </div>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">尚未运行</Typography.Text>
        ),
    },
    { title: '耗时', key: 'duration', width: 100, render: (_, j) => formatDuration(j.lastRun?.durationMs ?? null) },
    { title: '下次运行', dataIndex: 'nextRunAt', width: 200, render: (at: string | null) => (at ? formatInstant(at) : '—') },
    {
      title: '近 7 天',
      key: 'totals',
      width: 150,
      render: (_, j) => (
        <>
          运行 {j.runs} 次
          {j.failures > 0 ? <Tag color="red" style={{ marginInlineStart: 8 }}>失败 {j.failures}</Tag> : null}
        </>
      ),
    },
  ];
  return (
    <Table<JobStatus>
      rowKey="name"
      columns={columns}
      dataSource={jobs}
      loading={loading}
      pagination={false}
      expandable={{ expandedRowRender: (j) => <RecentRuns runs={j.recent} />, rowExpandable: (j) => j.recent.length > 0 }}
    />
  );
}
