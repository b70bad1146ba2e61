import { Skeleton, Table } from 'antd';
import { lazy, Suspense } from 'react';
import type { HallFiguresView } from '../api/hall-figures';

const HallFiguresEChart = lazy(() => import('./hall-figures-echart'));

type Figure = HallFiguresView['totals'];
const min = (v: number | null) => (v === null ? '—' : `${v} 分钟`);

/** Average waiting and serving minutes as bars per group, the number taken as a line. */
export function MinutesBars({ rows, label, height = 280 }: { rows: (Figure & { name: string })[]; label: string; height?: number }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <HallFiguresEChart
        height={height}
        label={`${label}：${rows.map((r) => `${r.name} 取号${r.tickets}人，平均等候${min(r.waitAvg)}，平均办理${min(r.serveAvg)}，未办理离开${r.left}人`).join('；')}`}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 48, right: 48, top: 32, bottom: 40 },
          xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
          yAxis: [
            { type: 'value', name: '分钟' },
            { type: 'value', name: '人', minInterval: 1 },
          ],
          series: [
            { name: '平均等候（分钟）', type: 'bar', data: rows.map((r) => r.waitAvg), itemStyle: { color: '#d46b08' } },
            { name: '平均办理（分钟）', type: 'bar', data: rows.map((r) => r.serveAvg), itemStyle: { color: '#1677ff' } },
            { name: '取号人数', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.tickets), itemStyle: { color: '#389e0d' } },
            { name: '未办理离开', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.left), itemStyle: { color: '#cf1322' } },
          ],
        }}
      />
    </Suspense>
  );
}

export function FiguresTable({ rows, first, testId }: { rows: (Figure & { key: string; name: string })[]; first: string; testId: string }) {
  return (
    <Table<Figure & { key: string; name: string }>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={rows}
      locale={{ emptyText: '这段时间没有取号记录' }}
      columns={[
        { title: first, dataIndex: 'name' },
        { title: '取号', dataIndex: 'tickets' },
        { title: '已办理', dataIndex: 'served' },
        { title: '平均等候', dataIndex: 'waitAvg', render: min },
        { title: '最长等候', dataIndex: 'waitMax', render: min },
        { title: '平均办理', dataIndex: 'serveAvg', render: min },
        { title: '未办理离开', dataIndex: 'left' },
      ]}
    />
  );
}
