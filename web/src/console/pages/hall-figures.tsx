import { Card, Col, DatePicker, Row, Statistic, Tabs } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useHallFigures } from '@/features/hall-figures/api/hall-figures';
import { FiguresTable, MinutesBars } from '@/features/hall-figures/components/hall-figures-charts';

const route = getRouteApi('/console/hall/figures');

/** 排队统计 (issue 12 §1): waiting and serving minutes per service, window and hour, and who left before being served. */
export function HallFiguresPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const figures = useHallFigures({ from: search.from, to: search.to });
  const from = search.from ?? figures.data?.from;
  const to = search.to ?? figures.data?.to;
  const f = figures.data;
  const byService = (f?.byService ?? []).map((r) => ({ ...r, key: r.serviceId, name: `${r.code} ${r.name}` }));
  const byWindow = (f?.byWindow ?? []).map((r) => ({ ...r, key: r.windowId }));
  const byHour = (f?.byHour ?? []).map((r) => ({ ...r, key: String(r.hour), name: `${r.hour}:00–${r.hour + 1}:00` }));
  const byDay = (f?.byDay ?? []).map((r) => ({ ...r, key: r.day, name: r.day.slice(5) }));
  return (
    <>
      <PageHeader title="排队统计" description="等候时间 = 取号到叫号；办理时间 = 开始办理到办结；未办理离开 = 过号、取消，或到当天结束仍在等候的号。时段按取号时间。" />
      <DatePicker.RangePicker
        allowClear={false}
        style={{ marginBottom: 16 }}
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        onChange={(v) => v && v[0] && v[1] && void navigate({ to: '/hall/figures', search: { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } })}
        data-testid="hall-figures-period"
      />
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              ['取号人数', f?.totals.tickets, '人'],
              ['已办理', f?.totals.served, '人'],
              ['平均等候', f?.totals.waitAvg ?? '—', '分钟'],
              ['平均办理', f?.totals.serveAvg ?? '—', '分钟'],
              ['未办理离开', f?.totals.left, '人'],
            ].map(([title, value, suffix]) => (
              <Col key={String(title)} xs={12} md={8} lg={4}>
                <Card size="small" loading={figures.isPending}>
                  <Statistic title={String(title)} value={value as number | string} suffix={suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" loading={figures.isPending}>
            <Tabs
              items={[
                { key: 'service', label: '按服务', rows: byService, first: '服务' },
                { key: 'window', label: '按窗口', rows: byWindow, first: '窗口' },
                { key: 'hour', label: '按时段', rows: byHour, first: '时段' },
                { key: 'day', label: '按日期', rows: byDay, first: '日期' },
              ].map((t) => ({
                key: t.key,
                label: t.label,
                children: (
                  <>
                    {t.rows.length > 0 && <MinutesBars rows={t.rows} label={`排队统计${t.label}`} />}
                    <FiguresTable rows={t.rows} first={t.first} testId={`hall-figures-${t.key}`} />
                  </>
                ),
              }))}
            />
          </Card>
        </>
      )}
    </>
  );
}
