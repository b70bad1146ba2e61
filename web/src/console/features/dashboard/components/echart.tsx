// Loaded only when a chart is on screen (chart.tsx imports this file lazily): ECharts is larger than the rest of
// the console, and the first load of every page must not carry it. Only the pieces the dashboards draw are
// registered (bars, lines, grid, tooltip, legend, canvas), so the chunk holds nothing else of ECharts.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { ChartProps } from './chart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Whoever asked their system for less motion gets the chart drawn at once, not grown into place. */
const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export default function EChart({ option, height, onClick, label }: ChartProps) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: !reducedMotion(), ...option }}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: (params: { dataIndex: number; seriesName?: string }) => onClick(params.dataIndex, params.seriesName) } : undefined}
      />
    </div>
  );
}
