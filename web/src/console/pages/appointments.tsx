import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, InputNumber, Space, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { isApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useDayAppointments, useDaysAhead, useNoShows, usePlans } from '@/features/appointments/api/appointments';
import { DayTable } from '@/features/appointments/components/day-table';
import { PhoneBookModal } from '@/features/appointments/components/phone-book-modal';
import { PlanEditor } from '@/features/appointments/components/plan-editor';
import { centerNow } from '@/lib/format';

/** The day's count: a cancelled booking is no one to expect, so it is only mentioned apart. */
function dayCounts(rows: readonly { status: string }[]): string {
  const cancelled = rows.filter((a) => a.status === 'cancelled').length;
  const checkedIn = rows.filter((a) => a.status === 'checked_in').length;
  return `共 ${rows.length - cancelled} 个预约${cancelled > 0 ? `（另有 ${cancelled} 个已取消）` : ''}，已签到 ${checkedIn} 个`;
}

/** The director's part: how many days ahead, each service's slot plan. */
function Plans() {
  const { message } = App.useApp();
  const plans = usePlans();
  const daysAhead = useDaysAhead();
  const [ahead, setAhead] = useState<number | null>(null);
  if (plans.error) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;
  const data = plans.data;
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        提前放号
        <InputNumber min={1} max={60} value={ahead ?? data?.daysAhead} onChange={(v) => setAhead(v)} addonAfter="天" aria-label="提前放号天数" />
        <Button
          loading={daysAhead.isPending}
          disabled={ahead === null}
          onClick={() => ahead !== null && daysAhead.mutate(ahead, { onSuccess: () => void message.success(`已改为提前 ${ahead} 天放号。`), onError: (e) => void message.error(isApiError(e) ? e.title : '没有保存。') })}
        >
          保存
        </Button>
        <span>（只在工作日开放；节假日不开放，调休上班日开放）</span>
      </Space>
      {data && data.services.length === 0 && <Empty description="还没有大厅服务，请中心主任先在“大厅服务设置”中添加" />}
      {data?.services.map((s) => <PlanEditor key={s.serviceId} serviceId={s.serviceId} serviceName={s.serviceName} code={s.code} ranges={s.ranges} version={s.version} />)}
    </>
  );
}

function NoShows() {
  const [month, setMonth] = useState(centerNow().format('YYYY-MM'));
  const q = useNoShows(month, true);
  return (
    <>
      <DatePicker picker="month" value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} allowClear={false} style={{ marginBottom: 12 }} aria-label="月份" />
      <Table
        rowKey="serviceId"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.services ?? []}
        pagination={false}
        columns={[
          { title: '服务', dataIndex: 'serviceName' },
          { title: '预约', dataIndex: 'total' },
          { title: '签到', dataIndex: 'checkedIn' },
          { title: '取消', dataIndex: 'cancelled' },
          { title: '爽约', dataIndex: 'noShows' },
        ]}
      />
    </>
  );
}

/**
 * 预约管理 (issue 12 §3): the day's bookings per service (check in at the window, cancel), booking by phone for a
 * caller; for the director the slot plans, the days ahead and the no-show counts.
 */
export function AppointmentsPage() {
  const me = useMe();
  // the server's today unless a day is picked (the center's date, not this computer's)
  const [date, setDate] = useState<string>();
  const [booking, setBooking] = useState(false);
  const day = useDayAppointments(date);
  const manage = can(me.user.roles, 'appointments.manage');
  const list = (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker value={day.data ? dayjs(day.data.date) : null} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} allowClear={false} aria-label="日期" />
        <span>{dayCounts(day.data?.appointments ?? [])}</span>
      </Space>
      {day.error ? <QueryError error={day.error} onRetry={() => void day.refetch()} /> : <DayTable rows={day.data?.appointments ?? []} loading={day.isLoading} />}
    </Card>
  );
  return (
    <>
      <PageHeader
        title="预约管理"
        description="当天按预约签到取号，号排在该业务最前面；来电群众可在这里代为预约"
        extra={
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => setBooking(true)}>
            电话预约
          </Button>
        }
      />
      {manage ? (
        <Tabs
          items={[
            { key: 'day', label: '每日预约', children: list },
            { key: 'plans', label: '预约时段设置', children: <Plans /> },
            { key: 'no-shows', label: '爽约统计', children: <NoShows /> },
          ]}
        />
      ) : (
        list
      )}
      <PhoneBookModal orgId={me.user.orgId} open={booking} onClose={() => setBooking(false)} />
    </>
  );
}
