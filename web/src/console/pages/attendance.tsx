import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LEAVE_KINDS } from '@domain/staff/leave';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import {
  attendanceExportUrl,
  useAttendanceMonth,
  useAttendanceToday,
  useNetworks,
  useSaveNetworks,
  useSign,
  type AttendanceMonth,
} from '@/features/attendance/api/attendance';
import { centerNow } from '@/lib/format';

/** 今日签到: the server's time decides; outside the center's network the buttons say why they cannot be used. */
function TodayCard() {
  const today = useAttendanceToday();
  const sign = useSign();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  if (today.isError) return <QueryError error={today.error} onRetry={() => void today.refetch()} />;
  const t = today.data;
  const r = t?.record ?? null;
  const blocked = t ? !t.fromAllowedNetwork : false;
  const run = (what: 'sign-in' | 'sign-out') =>
    sign.mutate(what, {
      onSuccess: (rec) =>
        void message.success(
          what === 'sign-in'
            ? `已签到，时间 ${rec.signInTime}${rec.late ? `，迟到 ${rec.minutesLate} 分钟` : ''}`
            : `已签退，时间 ${rec.signOutTime}${rec.early ? `，早退 ${rec.minutesEarly} 分钟` : ''}`,
        ),
      onError: (e) => showError(e),
    });
  return (
    <Card title="今日签到" loading={today.isPending} style={{ marginBottom: 16 }} data-testid="attendance-today">
      {t && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'day', label: '日期', children: `${t.day}${t.workingDay ? '（工作日）' : '（休息日）'}` },
              { key: 'hours', label: '办公时间', children: t.officeHours ? `${t.officeHours.start}–${t.officeHours.end}` : '未设置' },
              {
                key: 'in',
                label: '签到',
                children: r ? (
                  <Space>
                    {r.signInTime}
                    {r.late ? <Tag color="orange">迟到 {r.minutesLate} 分钟</Tag> : <Tag color="green">按时</Tag>}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">未签到</Typography.Text>
                ),
              },
              {
                key: 'out',
                label: '签退',
                children: r?.signOutTime ? (
                  <Space>
                    {r.signOutTime}
                    {r.early ? <Tag color="orange">早退 {r.minutesEarly} 分钟</Tag> : <Tag color="green">正常</Tag>}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">未签退</Typography.Text>
                ),
              },
            ]}
          />
          {blocked && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={`本中心只允许在办公网络内签到，您现在的网络地址（${t.address}）不在范围内。`}
              description="请连接中心的办公网络后再签到；如中心网络有变动，请中心主任在本页下方调整签到网络。"
            />
          )}
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" size="large" disabled={r !== null || blocked} loading={sign.isPending && sign.variables === 'sign-in'} onClick={() => run('sign-in')}>
              签到
            </Button>
            <Button size="large" disabled={r === null || blocked} loading={sign.isPending && sign.variables === 'sign-out'} onClick={() => run('sign-out')}>
              签退
            </Button>
            <Typography.Text type="secondary">以服务器时间为准；每天签到一次，签退以最后一次为准。</Typography.Text>
          </Space>
        </>
      )}
    </Card>
  );
}

type Row = AttendanceMonth['people'][number];

function MonthCard({ canExport }: { canExport: boolean }) {
  const [month, setMonth] = useState(centerNow().format('YYYY-MM'));
  const table = useAttendanceMonth(month);
  const usedKinds = LEAVE_KINDS.filter((k) => (table.data?.people ?? []).some((p) => p.leaveDays[k] > 0));
  return (
    <Card
      title={table.data?.canViewAll ? `${table.data.orgName}月度考勤` : '我的月度考勤'}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <DatePicker picker="month" value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} allowClear={false} aria-label="月份" />
          {canExport && (
            <Button icon={<DownloadOutlined />} href={attendanceExportUrl(month)}>
              导出 Excel
            </Button>
          )}
        </Space>
      }
    >
      {table.isError ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <>
          {table.data && (
            <Typography.Paragraph type="secondary">
              本月工作日 {table.data.workingDays} 天；缺勤指工作日既未签到也未请假，统计到 {table.data.judgedBefore} 的前一天。
            </Typography.Paragraph>
          )}
          <Table<Row>
            rowKey="userId"
            size="middle"
            loading={table.isPending}
            pagination={false}
            dataSource={table.data?.people ?? []}
            scroll={{ x: 'max-content' }}
            data-testid="attendance-month"
            columns={[
              { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90 },
              { title: '岗位', dataIndex: 'post', width: 110 },
              { title: '出勤天数', dataIndex: 'attendedDays', width: 90, align: 'right' },
              { title: '迟到', dataIndex: 'late', width: 70, align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n) },
              { title: '早退', dataIndex: 'early', width: 70, align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n) },
              ...usedKinds.map((k) => ({ title: k, key: k, width: 80, align: 'right' as const, render: (_: unknown, p: Row) => p.leaveDays[k] || '' })),
              { title: '请假合计', dataIndex: 'leaveTotal', width: 90, align: 'right' },
              {
                title: '缺勤',
                key: 'absent',
                width: 220,
                render: (_: unknown, p: Row) =>
                  p.absentDays > 0 ? (
                    <Typography.Text type="danger">
                      {p.absentDays} 天（{p.absentDates.map((d) => `${Number(d.slice(8))}日`).join('、')}）
                    </Typography.Text>
                  ) : (
                    0
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** 签到网络 (director): CIDR blocks; none means sign-in from anywhere. */
function NetworksCard() {
  const networks = useNetworks(true);
  const save = useSaveNetworks();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [value, setValue] = useState<string[] | null>(null);
  const current = value ?? networks.data?.networks ?? [];
  return (
    <Card title="签到网络" loading={networks.isPending}>
      <Typography.Paragraph type="secondary">
        填写中心办公网络的地址段（如 192.168.1.0/24），设置后只能在这些网络内签到、签退；不填表示任何网络都可以。服务器看到您现在的地址是 {networks.data?.address ?? '—'}
        {networks.data && networks.data.networks.length > 0 ? (networks.data.fromAllowedNetwork ? '，在范围内。' : '，不在范围内。') : '。'}
      </Typography.Paragraph>
      <Space wrap>
        <Select mode="tags" style={{ minWidth: 360 }} value={current} onChange={setValue} tokenSeparators={[',', '，', ' ']} placeholder="输入地址段后按回车" aria-label="签到网络" open={false} />
        <Button
          type="primary"
          loading={save.isPending}
          disabled={value === null}
          onClick={() =>
            save.mutate(current, {
              onSuccess: (d) => {
                setValue(null);
                void message.success(d.networks.length > 0 ? `已保存：只能在 ${d.networks.join('、')} 内签到` : '已保存：任何网络都可以签到');
              },
              onError: (e) => showError(e),
            })
          }
        >
          保存
        </Button>
      </Space>
    </Card>
  );
}

/** 考勤签到: sign in and out; the month's table (the center's for the director and leader, with export); the networks. */
export function AttendancePage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="考勤签到" description="每天上班签到、下班签退，以服务器时间为准；按中心办公时间判定迟到、早退，按月统计出勤、请假和缺勤。" />
      <TodayCard />
      <MonthCard canExport={can(me.user.roles, 'attendance.view')} />
      {can(me.user.roles, 'attendance.approve') && <NetworksCard />}
    </>
  );
}
