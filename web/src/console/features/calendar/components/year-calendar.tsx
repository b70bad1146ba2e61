import { Alert, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { isApiError } from '@/lib/api-client';
import { useCalendarDays } from '../api/get-calendar-days';
import { dayKind } from '../utils/day-kind';
import { MonthGrid } from './month-grid';
import { centerNow } from '@/lib/format';

function Legend() {
  return (
    <div style={{ marginBottom: 12 }}>
      <span className="cal-legend">
        <i style={{ background: '#fff1f0', border: '1px solid #ffa39e' }} />
        法定节假日（休）
      </span>
      <span className="cal-legend">
        <i style={{ background: '#e6f4ff', border: '1px solid #91caff' }} />
        调休上班（班）
      </span>
      <span className="cal-legend">
        <i style={{ background: '#fff', border: '1px solid #d9d9d9' }} />
        <span style={{ color: '#8c8c8c' }}>灰色日期为周末</span>
      </span>
    </div>
  );
}

/** The whole year in a 12-month grid with the official arrangement marked. */
export function YearCalendar({ year }: { year: number }) {
  const days = useCalendarDays(year);
  const byDate = useMemo(() => new Map((days.data?.days ?? []).map((d) => [d.date, d])), [days.data]);
  const today = centerNow().format('YYYY-MM-DD');

  if (days.isPending) return <Spin style={{ display: 'block', padding: 48 }} />;
  if (days.isError) {
    if (isApiError(days.error) && days.error.code === 'CALENDAR_YEAR_NOT_LOADED') {
      return <Alert type="warning" showIcon title={days.error.title} description="未导入年度安排的年份不能计算办件期限。" />;
    }
    return <QueryError error={days.error} onRetry={() => void days.refetch()} />;
  }

  const list = days.data.days;
  const working = list.filter((d) => d.working).length;
  const holidays = list.filter((d) => dayKind(d) === 'holiday').length;
  const makeups = list.filter((d) => dayKind(d) === 'makeup').length;

  return (
    <>
      {days.data.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-provisional"
          title={`${year}年的节假日安排尚未导入，以下是暂定日历`}
          description={`${days.data.source ?? '按法定节假日推算'}。落在本年度的办件期限都标为“暂定”；国务院办公厅公布安排后由系统管理员导入，在办办件的期限随即重新计算。`}
        />
      )}
      <Space size="large" wrap style={{ marginBottom: 8 }}>
        <Typography.Text>
          全年工作日 <b>{working}</b> 天，休息日 <b>{list.length - working}</b> 天（其中节假日放假 <b>{holidays}</b> 天），调休上班 <b>{makeups}</b> 天
        </Typography.Text>
      </Space>
      <Legend />
      <div className="year-grid">
        {Array.from({ length: 12 }, (_, i) => (
          <MonthGrid key={i} year={year} month={i + 1} days={byDate} today={today} />
        ))}
      </div>
    </>
  );
}
