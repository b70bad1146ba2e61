import { Card, Empty, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { FIGURE_GROUPINGS, FIGURE_GROUPING_NAMES, percentText, type FigureGrouping } from '@domain/evaluation/figures';
import { useFigures, type Figures } from '../api/work-orders';

type Figure = Figures['figures'][number];

const FiguresEChart = lazy(() => import('./figures-echart'));

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** 好评率, 主动评价率, 差评整改率 as bars per group (ECharts, loaded lazily). */
export function FiguresBars({ figures, height = 260 }: { figures: Figure[]; height?: number }) {
  const rows = figures.slice(0, 12);
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <FiguresEChart
        height={height}
        label={`评价统计：${rows.map((f) => `${f.name} 好评率${percentText(f.goodRate)}、主动评价率${percentText(f.activeRate)}、差评整改率${percentText(f.rectifyRate)}`).join('；')}`}
        option={{
          tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
          legend: { top: 0 },
          grid: { left: 40, right: 16, top: 32, bottom: 48 },
          xAxis: { type: 'category', data: rows.map((f) => f.name), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
          yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          series: [
            { name: '好评率', type: 'bar', data: rows.map((f) => pct(f.goodRate)), itemStyle: { color: '#389e0d' } },
            { name: '主动评价率', type: 'bar', data: rows.map((f) => pct(f.activeRate)), itemStyle: { color: '#1677ff' } },
            { name: '差评整改率', type: 'bar', data: rows.map((f) => pct(f.rectifyRate)), itemStyle: { color: '#d46b08' } },
          ],
        }}
      />
    </Suspense>
  );
}

export function FiguresTable({ data }: { data: Figures }) {
  return (
    <Table<Figure>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid="figures-table"
      dataSource={[...data.figures, { ...data.total, key: '__total' }]}
      columns={[
        { title: FIGURE_GROUPING_NAMES[data.by as FigureGrouping] ?? '对象', dataIndex: 'name', render: (n: string, f) => (f.key === '__total' ? <strong>{n}</strong> : n) },
        { title: '评价数', dataIndex: 'rated' },
        { title: '好评率', dataIndex: 'goodRate', render: (r: number | null, f) => <span title={`${f.good} / ${f.rated}`}>{percentText(r)}</span> },
        { title: '默认好评', dataIndex: 'defaults' },
        { title: '主动评价率', dataIndex: 'activeRate', render: (r: number | null, f) => <span title={`${f.activelyRated} / ${f.finished}`}>{percentText(r)}</span> },
        { title: '差评', dataIndex: 'bad', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
        { title: '差评整改率', dataIndex: 'rectifyRate', render: (r: number | null, f) => <span title={`${f.rectified} / ${f.bad}`}>{percentText(r)}</span> },
        { title: '申诉成立（不计）', dataIndex: 'excluded' },
      ]}
    />
  );
}

/**
 * The dashboards' panel: this month's figures of the center (or the tree below `orgId`), by window or by center. The
 * month is the server's (no period asked: this month up to today on the server's clock), not the browser's.
 */
export function RatingFiguresCard({ orgId, by = 'window' }: { orgId?: string | undefined; by?: FigureGrouping }) {
  const [grouping, setGrouping] = useState<FigureGrouping>(by);
  const figures = useFigures({ orgId, by: grouping });
  const total = figures.data?.total;
  return (
    <Card
      title="本月好差评"
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="rating-figures-card"
      extra={
        <Space>
          <Segmented size="small" value={grouping} onChange={(v) => setGrouping(v as FigureGrouping)} options={(['window', 'center'] as const).map((g) => ({ value: g, label: `按${FIGURE_GROUPING_NAMES[g]}` }))} />
          <Link to="/evaluations/figures" search={{ orgId, from: figures.data?.from, to: figures.data?.to, by: grouping }}>
            评价统计
          </Link>
          <Link to="/evaluations/work-orders">差评整改</Link>
        </Space>
      }
    >
      {figures.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : figures.isError ? (
        <Typography.Text type="secondary">评价数据暂不可用</Typography.Text>
      ) : (figures.data?.figures.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月尚无评价" />
      ) : (
        <>
          {total && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              合计：好评率 {percentText(total.goodRate)}，主动评价率 {percentText(total.activeRate)}，差评 {total.bad} 件，整改率 {percentText(total.rectifyRate)}
            </Typography.Paragraph>
          )}
          <FiguresBars figures={figures.data!.figures} height={220} />
        </>
      )}
    </Card>
  );
}

export { FIGURE_GROUPINGS };
