import { Card, Statistic, Typography } from 'antd';
import { ProvisionalTag, WORKED_OUT_OUTCOME } from '@/components/calendar/provisional-tag';
import { dateTextFrom, weekdayName } from '@domain/calendar/calendar';
import { useAddWorkingDays } from '../api/add-working-days';
import { useCalendarDays } from '../api/get-calendar-days';
import { dayKind } from '../utils/day-kind';
import { centerNow } from '@/lib/format';

/** Today in the official calendar, and when a 5-working-day case accepted today falls due. */
export function TodayCard() {
  const today = centerNow();
  const iso = today.format('YYYY-MM-DD');
  const days = useCalendarDays(today.year());
  const info = days.data?.days.find((d) => d.date === iso);
  const due = useAddWorkingDays(iso, 5);
  const kind = info ? dayKind(info) : null;
  const status = !info ? '—' : info.working ? (kind === 'makeup' ? '调休上班' : '工作日') : kind === 'holiday' ? `${info.note}放假` : '周末休息';

  return (
    <Card title="今日">
      <Statistic title={today.format('YYYY年M月D日 dddd')} value={status} styles={{ content: { color: info?.working === false ? '#cf1322' : '#389e0d' } }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {due.data ? (
          <span data-testid="today-due">
            今天受理、时限 5 个工作日的承诺件，应于 {dateTextFrom(due.data.date, iso)}（{weekdayName(due.data.date)}）
            <ProvisionalTag show={due.data.provisional} outcome={WORKED_OUT_OUTCOME} />
            {due.data.provisional && ' '}办结。
          </span>
        ) : days.isError ? (
          '本年度节假日安排尚未导入。'
        ) : (
          ' '
        )}
      </Typography.Paragraph>
    </Card>
  );
}
