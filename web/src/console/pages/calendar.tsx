import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Space } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { useCalendarYears } from '@/features/calendar/api/get-calendar-years';
import { CalendarYearsTable } from '@/features/calendar/components/calendar-years-table';
import { DueDateCalculator } from '@/features/calendar/components/due-date-calculator';
import { ImportReminder } from '@/features/calendar/components/import-reminder';
import { ImportYearModal } from '@/features/calendar/components/import-year-modal';
import { YearCalendar } from '@/features/calendar/components/year-calendar';
import { can } from '@/lib/authorization';
import { calendarYearChoices } from '@domain/calendar/next-year';
import { centerNow } from '@/lib/format';

const route = getRouteApi('/console/calendar');

export function CalendarPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const years = useCalendarYears();
  const [importing, setImporting] = useState(false);
  const today = centerNow();
  const thisYear = today.year();
  const year = search.year ?? thisYear;
  const setYear = (y: number) => void navigate({ search: { year: y }, replace: true });
  const loaded = (years.data?.years ?? []).map((y) => y.year);
  // next year too from October, while its notice is awaited: a 20-day case accepted in December already ends in it
  const options = calendarYearChoices(loaded, today.format('YYYY-MM-DD'), year).map((c) => ({ value: c.year, label: `${c.year}年${c.provisional ? '（暂定）' : ''}` }));
  // the form starts at the year on screen when it is not imported yet, else at the first year after the last one imported
  const importYear = loaded.includes(year) ? Math.max(thisYear, ...loaded) + 1 : year;

  return (
    <>
      <PageHeader
        title="工作日历"
        description="办件期限按工作日计算：周末、法定节假日不计，调休上班日计入"
        extra={
          <Space>
            <Select value={year} options={options} onChange={setYear} style={{ width: 150 }} aria-label="选择年度" />
            {can(me.user.roles, 'calendar.manage') && (
              <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                导入年度安排
              </Button>
            )}
          </Space>
        }
      />
      <ImportReminder onImport={() => setImporting(true)} />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card title={`${year}年工作日历`} style={{ marginBottom: 16 }}>
            <YearCalendar year={year} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card title="办结日期计算器" style={{ marginBottom: 16 }}>
            <DueDateCalculator />
          </Card>
          <Card title="已导入的年度安排">
            <CalendarYearsTable years={years.data?.years ?? []} loading={years.isPending} onPick={setYear} />
          </Card>
        </Col>
      </Row>
      {importing && <ImportYearModal year={importYear} onClose={() => setImporting(false)} onImported={setYear} />}
    </>
  );
}
