import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartProps {
  option: EChartsCoreOption;
  height: number;
  /** what the chart shows, for screen readers */
  label: string;
  /** a bar or point clicked: its index in the category axis, and its series */
  onClick?: (dataIndex: number, seriesName: string | undefined) => void;
}

const EChart = lazy(() => import('./echart'));

/** An ECharts chart, its library fetched the first time one is shown. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
